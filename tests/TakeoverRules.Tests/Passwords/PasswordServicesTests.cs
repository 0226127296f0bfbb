using Microsoft.Extensions.DependencyInjection;
using TakeoverRules.Passwords;

namespace TakeoverRules.Tests.Passwords;

public sealed class PasswordServicesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("password-services-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static ServiceProvider Build(Action<TakeoverRulesOptions>? configure = null) =>
        new ServiceCollection().AddTakeoverRules(configure).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

    [Fact]
    public void By_default_the_estimator_and_a_NIST_policy_with_the_common_blocklist_are_registered_and_nothing_goes_online()
    {
        using var provider = Build();

        provider.GetRequiredService<PasswordStrengthEstimator>().Estimate("password").Score.Should().Be(PasswordScore.VeryWeak);
        var checker = provider.GetRequiredService<PasswordPolicyChecker>();
        checker.Policy.Should().Be(PasswordPolicy.Nist, "equal by value; presets are fresh copies");
        checker.Check("password").Has(PasswordPolicyViolationCode.Blocklisted).Should().BeTrue();
        provider.GetService<IBreachedPasswordChecker>().Should().BeNull();
    }

    [Fact]
    public void Blocklist_entries_files_and_service_words_reach_the_policy_checker()
    {
        var file = Path.Combine(_directory, "banned.txt");
        File.WriteAllText(file, "# the broker's own list\r\nkabutocho-tower-2025\r\n");
        using var provider = Build(o =>
        {
            o.Passwords.Policy = PasswordPolicy.NistMultiFactor;
            o.Passwords.BlocklistEntries.Add("marunouchi-securities");
            o.Passwords.BlocklistFiles.Add(file);
            o.Passwords.Estimator.ContextWords.Add("Example Shoken");
        });
        var checker = provider.GetRequiredService<PasswordPolicyChecker>();

        checker.Check("Marunouchi-Securities").Has(PasswordPolicyViolationCode.Blocklisted).Should().BeTrue();
        checker.Check("kabutocho-tower-2025").Has(PasswordPolicyViolationCode.Blocklisted).Should().BeTrue();
        checker.Check("exampleshoken").Has(PasswordPolicyViolationCode.ContextWord).Should().BeTrue();
        checker.Check("a long and unusual phrase").IsCompliant.Should().BeTrue();
    }

    [Fact]
    public void Invalid_options_fail_at_start_up_naming_every_problem()
    {
        var act = () => new ServiceCollection().AddTakeoverRules(o =>
        {
            o.Passwords.Policy = new PasswordPolicy { Name = "broker", MinimumLength = 0 };
            o.Passwords.CommonPasswordsMaxRank = 0;
            o.Passwords.BlocklistFiles.Add("/nonexistent/banned.txt");
            o.Passwords.Estimator.MaxAnalyzedLength = 1;
            o.Passwords.BreachSource = BreachSource.PwnedPasswordsApi;
            o.Passwords.PwnedPasswordsApi.BaseAddress = new Uri("http://pwned.example.com/");
        });

        act.Should().Throw<TakeoverRulesOptionsException>().Which.Errors.Should().BeEquivalentTo(
            "Passwords.Estimator.MaxAnalyzedLength: must be between 16 and 1024 (was 1)",
            "Passwords.Policy.MinimumLength: must be at least 1 (was 0)",
            "Passwords.CommonPasswordsMaxRank: must be at least 1 or null (was 0)",
            "Passwords.BlocklistFiles[0]: file not found (was '/nonexistent/banned.txt')",
            "Passwords.PwnedPasswordsApi.BaseAddress: must use https unless the host is loopback (was 'http://pwned.example.com/')");
    }

    [Fact]
    public void A_missing_or_malformed_hash_file_fails_at_start_up()
    {
        var ntlm = Path.Combine(_directory, "ntlm.txt");
        File.WriteAllText(ntlm, "8846F7EAEE8FB117AD06BDD830B7586C:1\n");

        FluentActions.Invoking(() => new ServiceCollection().AddTakeoverRules(o => o.Passwords.BreachSource = BreachSource.PwnedPasswordsFile))
            .Should().Throw<TakeoverRulesOptionsException>().Which.Errors.Should().ContainSingle()
            .Which.Should().Be("Passwords.PwnedPasswordsFile: required when BreachSource is PwnedPasswordsFile (was null)");
        FluentActions.Invoking(() => new ServiceCollection().AddTakeoverRules(o =>
            {
                o.Passwords.BreachSource = BreachSource.PwnedPasswordsFile;
                o.Passwords.PwnedPasswordsFile = ntlm;
            }))
            .Should().Throw<TakeoverRulesOptionsException>().Which.Errors.Should().ContainSingle()
            .Which.Should().StartWith("Passwords.PwnedPasswordsFile: ").And.Contain("NTLM");
    }

    [Fact]
    public async Task The_hash_file_source_is_registered_and_closed_with_the_container()
    {
        var path = Path.Combine(_directory, "hashes.txt");
        File.WriteAllText(path, PwnedTestHashes.Sha1Hex("password") + ":9\r\n");
        var provider = Build(o =>
        {
            o.Passwords.BreachSource = BreachSource.PwnedPasswordsFile;
            o.Passwords.PwnedPasswordsFile = path;
        });

        var checker = provider.GetRequiredService<IBreachedPasswordChecker>();
        (await checker.CheckAsync("password", TestContext.Current.CancellationToken)).Count.Should().Be(9);
        await provider.DisposeAsync();
        await FluentActions.Awaiting(async () => await checker.CheckAsync("password")).Should().ThrowAsync<ObjectDisposedException>();
    }

    [Fact]
    public async Task The_range_API_source_sends_requests_to_the_configured_address()
    {
        await using var server = LoopbackHttpServer.Returning(PwnedTestHashes.Suffix("password") + ":42\r\n");
        await using var provider = Build(o =>
        {
            o.Passwords.BreachSource = BreachSource.PwnedPasswordsApi;
            o.Passwords.PwnedPasswordsApi.BaseAddress = server.BaseAddress;
        });

        (await provider.GetRequiredService<IBreachedPasswordChecker>().CheckAsync("password", TestContext.Current.CancellationToken)).Count.Should().Be(42);
        server.Requests.Single().Should().Contain("User-Agent: TakeoverRules");
    }

    [Fact]
    public void A_breach_checker_registered_by_the_host_wins()
    {
        var own = new PwnedPasswordsRangeClient(new HttpClient());
        var services = new ServiceCollection();
        services.AddSingleton<IBreachedPasswordChecker>(own);

        using var provider = services.AddTakeoverRules(o => o.Passwords.BreachSource = BreachSource.PwnedPasswordsApi).BuildServiceProvider();

        provider.GetRequiredService<IBreachedPasswordChecker>().Should().BeSameAs(own);
    }
}
