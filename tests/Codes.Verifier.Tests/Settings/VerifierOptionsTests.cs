using System.ComponentModel.DataAnnotations;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Verification;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HealthCode.Verifier.Tests.Settings;

public sealed class VerifierOptionsTests
{
    private static IHost Host(Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddVerifierOptions();
        return builder.Build();
    }

    private static bool IsValid(object options) =>
        Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true);

    [Test]
    public void Defaults_are_valid() =>
        Assert.That((IsValid(new IngestionOptions()), IsValid(new VerificationOptions())), Is.EqualTo((true, true)));

    [Test]
    public void Options_bind_from_the_HealthCode_Ingestion_and_Verification_sections()
    {
        using var host = Host(new()
        {
            ["HealthCode:Ingestion:StoreAttempts"] = "7",
            ["HealthCode:Ingestion:Retention"] = "2.00:00:00",
            ["HealthCode:Verification:StoreDeadline"] = "00:00:00.150",
        });
        var ingestion = host.Services.GetRequiredService<IOptions<IngestionOptions>>().Value;
        var verification = host.Services.GetRequiredService<IOptions<VerificationOptions>>().Value;
        Assert.That((ingestion.StoreAttempts, ingestion.Retention, ingestion.FaultAttempts), Is.EqualTo((7, TimeSpan.FromDays(2), 3)));
        Assert.That((verification.StoreDeadline, verification.ClockSkew), Is.EqualTo((TimeSpan.FromMilliseconds(150), TimeSpan.FromMinutes(5))));
    }

    [TestCase("HealthCode:Ingestion:StoreAttempts", "0", "StoreAttempts")]
    [TestCase("HealthCode:Ingestion:Retention", "00:00:10", "Retention")]
    [TestCase("HealthCode:Ingestion:StoreRetryMaxDelay", "00:00:00.050", "StoreRetryMaxDelay")]
    [TestCase("HealthCode:Verification:StoreDeadline", "00:00:00", "StoreDeadline")]
    [TestCase("HealthCode:Verification:StoreDeadline", "00:01:00", "StoreDeadline")]
    public void Invalid_setting_stops_start_up_naming_it(string key, string value, string name)
    {
        using var host = Host(new() { [key] = value });
        var e = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.That(e!.Message, Does.Contain(name));
    }
}
