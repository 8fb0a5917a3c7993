using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HealthCode.Cli.Tests.Support;
using HealthCode.Translator.Profiles;
using HealthCode.Verifier.Trust;
using static HealthCode.Cli.Tests.Support.OnboardingGuide;

namespace HealthCode.Cli.Tests;

/// <summary>
/// docs/onboarding.md works as written: the files it shows are the worked example's files, and the commands it runs
/// on them (lint, normalize, conformance, the broker definitions) print what it shows. The dry run is checked in
/// Codes.Api.Tests (Docs/OnboardingGuideTests).
/// </summary>
public sealed partial class OnboardingGuideTests
{
    private const string NewRegion = "460000";

    private static string Profile => ExampleFile($"regions/{NewRegion}.json");

    public static IEnumerable<TestCaseData> FileBlocks() =>
        Blocks().Where(b => b.Kind == "file").Select(b => new TestCaseData(b).SetArgDisplayNames(b.Name));

    [TestCaseSource(nameof(FileBlocks))]
    public void Each_file_the_guide_shows_is_that_file_verbatim(GuideBlock block)
    {
        Assert.That(block.Name, Does.StartWith(ExampleInRepository + "/"));
        var file = ExampleFile(block.Name[(ExampleInRepository.Length + 1)..]);

        Assert.That(block.Body, Is.EqualTo(File.ReadAllText(file).TrimEnd('\n')));
    }

    public static IEnumerable<TestCaseData> FragmentBlocks() =>
        Blocks().Where(b => b.Kind == "from").Select((b, i) => new TestCaseData(b).SetArgDisplayNames($"{i + 1}: {b.Body[..Math.Min(24, b.Body.Length)]}"));

    [TestCaseSource(nameof(FragmentBlocks))]
    public void Each_fragment_the_guide_shows_has_the_values_of_the_file_it_names(GuideBlock block)
    {
        var file = JsonNode.Parse(File.ReadAllText(ExampleFile(block.Name[(ExampleInRepository.Length + 1)..])))!.AsObject();

        foreach (var (key, value) in JsonNode.Parse(block.Body)!.AsObject())
            Assert.That(JsonNode.DeepEquals(file[key], value), Is.True, $"{key} is {file[key]?.ToJsonString()} in {block.Name}");
    }

    [Test]
    public void Every_file_of_the_worked_example_is_shown_in_the_guide()
    {
        var shown = Blocks().Where(b => b.Kind == "file").Select(b => b.Name).ToHashSet();
        var files = Directory.GetFiles(Example, "*", SearchOption.AllDirectories).Select(InRepository).ToArray();

        Assert.That(files, Has.Length.GreaterThanOrEqualTo(11));
        Assert.That(files, Is.SubsetOf(shown));
    }

    [GeneratedRegex(@"\$W/([A-Za-z0-9._/-]*[A-Za-z0-9_])")]
    private static partial Regex ExamplePath();

    [Test]
    public void Every_example_path_in_the_guides_commands_exists()
    {
        var paths = ExamplePath().Matches(Text).Select(m => m.Groups[1].Value).Distinct().ToArray();

        Assert.That(paths, Has.Length.GreaterThanOrEqualTo(6));
        Assert.That(paths.Where(p => !File.Exists(ExampleFile(p)) && !Directory.Exists(ExampleFile(p))), Is.Empty);
    }

    [Test]
    public void Without_its_CodeSystem_the_new_profile_lints_with_exactly_the_FHIR_warning()
    {
        var shippedFhir = Path.Combine(Hc.Schemas, "fhir");

        var run = Hc.Run("profile", "lint", Profile, "--fhir", shippedFhir);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        var warnings = run.Output.Split('\n').Where(l => l.Contains("warning", StringComparison.Ordinal)).ToArray();
        Assert.That(warnings, Has.Length.EqualTo(1));
        Assert.That(warnings[0], Does.Contain($"no FHIR CodeSystem CodeSystem-native-level-{NewRegion}.json"));
        Assert.That(run.Output, Does.Not.Contain("error"));
        Assert.That(AsInRepository(run.Output, (shippedFhir, "schemas/fhir")), Is.EqualTo(AsInRepository(ShownOutput("lint-without-codesystem"))));
    }

    [Test]
    public void With_its_CodeSystem_beside_it_the_new_profile_lints_clean()
    {
        var run = Hc.Run("profile", "lint", Profile);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.Output, Does.Not.Contain("warning").And.Not.Contain("error"));
        Assert.That(AsInRepository(run.Output), Is.EqualTo(AsInRepository(ShownOutput("lint-clean"))));
    }

    [Test]
    public void The_CodeSystem_lists_every_native_level_of_the_new_profile()
    {
        var compiled = ProfileDraft.Compile(File.ReadAllText(Profile));
        Assert.That(compiled.Errors, Is.Empty);
        var name = FhirCodeSystemCheck.FileNameFor(NewRegion);
        var fhirFiles = new Dictionary<string, string> { [name] = File.ReadAllText(ExampleFile($"fhir/{name}")) };

        Assert.That(FhirCodeSystemCheck.Warnings(compiled.Profile!, fhirFiles), Is.Empty);
        Assert.That(FhirCodeSystemCheck.Warnings(compiled.Profile!, new Dictionary<string, string>()), Has.Count.EqualTo(1));
    }

    [Test]
    public void The_green_sample_normalizes_to_the_record_the_guide_shows()
    {
        var run = Hc.Run("normalize", "--profile", Profile, ExampleFile("samples/green.json"));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.Output.TrimEnd(), Is.EqualTo(File.ReadAllText(ExampleFile("expected/green.normalized.json")).TrimEnd()));
    }

    [TestCase("yellow")]
    [TestCase("red")]
    public void Every_sample_normalizes(string sample)
    {
        var run = Hc.Run("normalize", "--profile", Profile, ExampleFile($"samples/{sample}.json"));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(JsonNode.Parse(run.Output)!["record"]!["code"]!["level"]!.GetValue<string>(), Is.EqualTo(sample));
    }

    [Test]
    public void A_level_sent_as_a_number_is_refused_at_its_native_field_as_the_guide_shows()
    {
        using var temp = new TempFolder();
        // The guide's sed: s/"level": "0"/"level": 0/
        var payload = temp.Write("level-number.json", File.ReadAllText(ExampleFile("samples/green.json")).Replace("\"level\": \"0\"", "\"level\": 0", StringComparison.Ordinal));

        var run = Hc.Run("normalize", "--profile", Profile, payload);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Does.Contain("/data/level"));
        Assert.That(AsInRepository(run.Output), Is.EqualTo(AsInRepository(ShownOutput("normalize-level-as-number"))));
    }

    [Test]
    public void The_vectors_pass_via_the_CLI_over_the_shipped_profiles_plus_the_new_one()
    {
        using var catalogue = StagedCatalogue();

        var run = Hc.Run("conformance", "run", ExampleFile("vectors"), "--profiles", catalogue.Path);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.Output, Does.Contain("5 vectors passed (5 checkpoint decisions"));
        Assert.That(AsInRepository(run.Output, (catalogue.Path, ".run/460000/regions")), Is.EqualTo(AsInRepository(ShownOutput("conformance-run"))));
    }

    [Test]
    public void A_checkpoint_in_a_province_without_a_loaded_profile_gets_no_decision()
    {
        var run = Hc.Run("conformance", "run", ExampleFile("vectors"), "--profiles", ExampleFile("regions"));

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Does.Contain("110105/transport: expected accept [], got no decision"));
    }

    [Test]
    public void The_trust_file_loads_with_the_services_own_loader()
    {
        var store = TrustStore.LoadFromDirectory(ExampleFile("trust"), Path.Combine(Hc.Schemas, "trust.schema.json"));

        Assert.That(store.Keys.Select(k => (k.Region, k.Id)), Is.EqualTo(new[] { (NewRegion, "hn-2022-08") }));
        Assert.That(store.SigningRegions, Is.EquivalentTo(new[] { NewRegion }));
    }

    [Test]
    public void Generate_definitions_gives_the_new_region_a_broker_user_that_writes_only_its_routing_key()
    {
        using var temp = new TempFolder();
        using var catalogue = StagedCatalogue();
        var script = CopyBrokerScripts(temp.Path);

        var (exitCode, error) = RunBash(script, catalogue.Path);

        Assert.That(exitCode, Is.EqualTo(0), error);
        var definitions = JsonNode.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(script)!, "definitions.json")))!;
        var entries = new[] { "users", "permissions", "topic_permissions" }
            .SelectMany(list => definitions[list]!.AsArray())
            .Where(e => (string?)e!["name"] == "region-460000" || (string?)e!["user"] == "region-460000")
            .ToArray();
        var shown = ShownOutput("broker-user").Split('\n').Select(line => JsonNode.Parse(line)).ToArray();
        Assert.That(entries, Has.Length.EqualTo(3));
        Assert.That(entries.Zip(shown).All(pair => JsonNode.DeepEquals(pair.First, pair.Second)), Is.True,
            string.Join('\n', entries.Select(e => e!.ToJsonString())));
        Assert.That((string?)entries[2]!["write"], Is.EqualTo("^460000$"));
    }

    /// <summary>The catalogue as it will be after activation: the shipped profiles plus the new one.</summary>
    private static TempFolder StagedCatalogue()
    {
        var folder = new TempFolder();
        foreach (var file in Directory.GetFiles(Path.Combine(Hc.Schemas, "regions"), "*.json"))
            File.Copy(file, Path.Combine(folder.Path, Path.GetFileName(file)));
        File.Copy(Profile, Path.Combine(folder.Path, Path.GetFileName(Profile)));
        return folder;
    }

    /// <summary>generate-definitions.sh writes beside itself, so it runs from a copy, never on the repository's file.</summary>
    private static string CopyBrokerScripts(string folder)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(Hc.Root, "deploy", "rabbitmq"), "*.sh"))
        {
            var copy = Path.Combine(folder, Path.GetFileName(file));
            File.Copy(file, copy);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(copy, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return Path.Combine(folder, "generate-definitions.sh");
    }

    private static (int ExitCode, string Error) RunBash(string script, string argument)
    {
        var start = new ProcessStartInfo("bash") { ArgumentList = { script, argument }, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(1)), Is.True, "generate-definitions.sh did not finish within a minute");
        return (process.ExitCode, error.Result);
    }
}
