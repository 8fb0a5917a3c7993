namespace HealthCode.Api.Tests.Reload;

public sealed class ReloadConcurrencyTests
{
    [Test]
    public async Task Verifies_during_reloads_never_fail_and_always_name_one_version_or_the_other()
    {
        using var host = new ReloadHost();
        var versions = new[] { ("2022-02-12", "2022-12-01"), ("2099-05-05", "2099-05-05") };
        using var stop = new CancellationTokenSource();
        var answers = new System.Collections.Concurrent.ConcurrentBag<(HttpStatusCode Status, string? Policy, string? Profile)>();

        async Task VerifyUntilStopped()
        {
            using var client = host.Factory.ClientWithKey();
            while (!stop.IsCancellationRequested)
            {
                var response = await client.PostAsync("/v1/verify", Requests.Verify(Fixtures.BeijingGreenCode));
                var body = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
                answers.Add((response.StatusCode,
                    body.ValueKind == JsonValueKind.Object ? body.GetProperty("policy").GetProperty("version").GetString() : null,
                    body.ValueKind == JsonValueKind.Object ? body.GetProperty("issuerProfile").GetProperty("version").GetString() : null));
            }
        }

        var verifiers = Enumerable.Range(0, 4).Select(_ => Task.Run(VerifyUntilStopped)).ToArray();
        Assert.That(await Poll.Until(() => answers.Count >= 4), Is.True, "verifies are running before the first reload");
        for (var i = 1; i <= 20; i++)
        {
            var (from, to) = (versions[(i + 1) % 2], versions[i % 2]);
            host.Edit("policies/110000.json", ($"\"version\": \"{from.Item1}\"", $"\"version\": \"{to.Item1}\""));
            host.Edit("regions/110000.json", ($"\"version\": \"{from.Item2}\"", $"\"version\": \"{to.Item2}\""));
            await host.ReloadAsync();
        }
        await Poll.Until(() => answers.Count >= 100);
        await stop.CancelAsync();
        await Task.WhenAll(verifiers);

        Assert.That(answers.Select(a => a.Status).Distinct(), Is.EqualTo(new[] { HttpStatusCode.OK }));
        Assert.That(answers.Select(a => a.Policy).Distinct(), Is.SubsetOf(new[] { "2022-02-12", "2099-05-05" }));
        Assert.That(answers.Select(a => a.Profile).Distinct(), Is.SubsetOf(new[] { "2022-12-01", "2099-05-05" }));
    }
}
