using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TakeoverRules.Detection;
using TakeoverRules.Facts;
using TakeoverRules.Passwords;

namespace TakeoverRules.Tests;

public sealed class TakeoverRulesConfigurationTests
{
    private static IConfigurationSection Section(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>("TakeoverRules:" + v.Key, v.Value))).Build().GetSection("TakeoverRules");

    private static ServiceProvider Build(IConfigurationSection section) =>
        new ServiceCollection().AddTakeoverRules(section).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

    [Fact]
    public void Every_section_binds_from_configuration_with_enums_and_presets_by_name()
    {
        using var provider = Build(Section(
            ("Passwords:Policy", "NistMultiFactor"),
            ("Passwords:BreachSource", "PwnedPasswordsApi"),
            ("Passwords:PwnedPasswordsApi:Timeout", "00:00:02"),
            ("Passwords:Estimator:ContextWords:0", "Example Shoken"),
            ("Passwords:BlocklistEntries:0", "marunouchi-securities"),
            ("Detection:HoldThreshold", "70"),
            ("Detection:HomeCountry", "JP")));

        var options = provider.GetRequiredService<IOptions<TakeoverRulesOptions>>().Value;
        options.Passwords.Policy.Should().Be(PasswordPolicy.NistMultiFactor, "presets are values: binding by name gives an equal copy");
        options.Passwords.BreachSource.Should().Be(BreachSource.PwnedPasswordsApi);
        options.Passwords.PwnedPasswordsApi.Timeout.Should().Be(TimeSpan.FromSeconds(2));
        provider.GetRequiredService<IOptions<DetectorOptions>>().Value.HoldThreshold.Should().Be(70);
        provider.GetRequiredService<IOptionsMonitor<PasswordOptions>>().CurrentValue.Estimator.ContextWords.Should().Equal("Example Shoken");
        provider.GetRequiredService<PasswordPolicyChecker>().Policy.Should().Be(PasswordPolicy.NistMultiFactor);
        provider.GetRequiredService<PasswordPolicyChecker>().Check("Marunouchi-Securities").Has(PasswordPolicyViolationCode.Blocklisted).Should().BeTrue();
    }

    [Theory]
    [InlineData("nist-mfa", 8)]
    [InlineData("Nist", 15)]
    [InlineData("NIST", 15)]
    public void A_policy_preset_binds_by_its_name_or_property_name(string name, int minimumLength)
    {
        using var provider = Build(Section(("Passwords:Policy", name)));

        provider.GetRequiredService<PasswordPolicyChecker>().Policy.MinimumLength.Should().Be(minimumLength);
    }

    [Fact]
    public void A_policy_section_starts_from_a_preset_and_overrides_single_rules()
    {
        using var provider = Build(Section(("Passwords:Policy:Preset", "NistMultiFactor"), ("Passwords:Policy:MinimumLength", "10"), ("Passwords:Policy:MinimumScore", "Fair")));

        var policy = provider.GetRequiredService<PasswordPolicyChecker>().Policy;
        policy.Should().Be(PasswordPolicy.NistMultiFactor with { Name = "custom", MinimumLength = 10, MinimumScore = PasswordScore.Fair });
    }

    [Fact]
    public void Unknown_keys_unknown_presets_and_bad_values_are_all_listed_when_the_options_are_read()
    {
        using var provider = Build(Section(
            ("Passwords:Policy", "Strict"),
            ("Passwords:BreachSource", "2"),
            ("Passwords:Polcy", "nist"),
            ("Detection:HoldTreshold", "70"),
            ("Detection:ReviewThreshold", "lots"),
            ("Detction:HoldThreshold", "70")));

        var act = () => provider.GetRequiredService<IOptions<TakeoverRulesOptions>>().Value;

        var failures = act.Should().Throw<OptionsValidationException>().Which.Failures.ToList();
        failures.Should().Contain("Passwords.Policy: unknown preset; expected Nist (nist) or NistMultiFactor (nist-mfa) (was 'Strict')");
        failures.Should().Contain("Passwords.BreachSource: expected one of None, PwnedPasswordsApi, PwnedPasswordsFile (was '2')");
        failures.Should().Contain("Passwords.Polcy: unknown setting (was 'nist')");
        failures.Should().Contain("Detction: unknown section; expected Passwords, Detection or Facts");
        failures.Should().Contain(f => f.StartsWith("Detection: ", StringComparison.Ordinal) && f.Contains("HoldTreshold", StringComparison.Ordinal));
    }

    [Fact]
    public void Validation_runs_when_the_host_starts()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection([new("TakeoverRules:Detection:HoldThreshold", "-5")]);
        builder.Services.AddTakeoverRules(builder.Configuration.GetSection("TakeoverRules"));
        using var host = builder.Build();

        Exception? thrown = null;
        try
        {
            host.Start();
        }
        catch (Exception ex)
        {
            thrown = ex;
        }

        // The host reports the start-up validator's failure (wrapped when several validations ran).
        var validation = thrown as OptionsValidationException ?? (thrown as AggregateException)?.InnerExceptions.OfType<OptionsValidationException>().FirstOrDefault();
        validation.Should().NotBeNull();
        validation!.Failures.Should().Contain(f => f.StartsWith("Detection.HoldThreshold", StringComparison.Ordinal));
    }

    [Fact]
    public void A_facts_file_that_fails_to_load_fails_start_up_unless_the_host_opts_into_embedded_facts()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".json");
        File.WriteAllText(path, "{ not json");
        try
        {
            using var failing = Build(Section(("Facts:UpdateFilePath", path)));
            FluentActions.Invoking(() => failing.GetRequiredService<FactsRegistry>()).Should().Throw<OptionsValidationException>()
                .Which.Failures.Should().ContainSingle().Which.Should().StartWith("Facts.UpdateFilePath: $");

            using var lenient = Build(Section(("Facts:UpdateFilePath", path), ("Facts:UseEmbeddedFactsOnError", "true")));
            lenient.GetRequiredService<FactsRegistry>().Should().BeSameAs(FactsRegistry.Embedded);
            lenient.GetRequiredService<FactsLoadResult>().Applied.Should().BeFalse();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_lambda_runs_after_configuration_and_both_forms_register_the_services_once()
    {
        var services = new ServiceCollection();
        services.AddTakeoverRules(Section(("Detection:HoldThreshold", "70")), o => o.Detection.FreezeThreshold = 90);
        services.AddTakeoverRules();
        using var provider = services.BuildServiceProvider();

        var detection = provider.GetRequiredService<IOptions<DetectorOptions>>().Value;
        (detection.HoldThreshold, detection.FreezeThreshold).Should().Be((70, 90));
        services.Count(d => d.ServiceType == typeof(TakeoverDetector)).Should().Be(1);
    }

    [Fact]
    public void The_monitor_sees_a_reload_of_the_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("TakeoverRules:Detection:HoldThreshold", "70")]).Build();
        using var provider = new ServiceCollection().AddTakeoverRules(configuration.GetSection("TakeoverRules")).BuildServiceProvider();
        var monitor = provider.GetRequiredService<IOptionsMonitor<DetectorOptions>>();
        monitor.CurrentValue.HoldThreshold.Should().Be(70);

        configuration["TakeoverRules:Detection:HoldThreshold"] = "75";
        configuration.Reload();

        monitor.CurrentValue.HoldThreshold.Should().Be(75);
    }
}
