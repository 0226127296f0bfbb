using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TakeoverRules.Passwords;

namespace TakeoverRules.AspNetCore.Tests;

public sealed class TakeoverRulesPasswordValidatorTests
{
    private static async Task<IdentityResult> CreateAsync(SampleApp app, string userName, string email, string password)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        return await users.CreateAsync(new IdentityUser { UserName = userName, Email = email }, password);
    }

    [Fact]
    public async Task A_password_made_of_the_users_own_name_is_refused_with_a_TakeoverRules_code()
    {
        await using var app = new SampleApp();

        var result = await CreateAsync(app, "tanaka.hiroshi", "hiroshi@example.jp", "tanaka.hiroshi");

        result.Succeeded.Should().BeFalse();
        result.Errors.Select(e => e.Code).Should().Contain("TakeoverRules.ContextWord");
    }

    [Fact]
    public async Task Descriptions_are_Japanese_for_a_Japanese_UI_culture_and_English_otherwise()
    {
        await using var app = new SampleApp();
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ja-JP");
            var ja = await CreateAsync(app, "sato", "sato@example.jp", "short");
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
            var en = await CreateAsync(app, "suzuki", "suzuki@example.jp", "short");

            ja.Errors.Single(e => e.Code == "TakeoverRules.TooShort").Description.Should().Be("8文字以上にしてください。");
            en.Errors.Single(e => e.Code == "TakeoverRules.TooShort").Description.Should().Be("Use at least 8 characters.");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task A_long_lower_case_passphrase_is_accepted_because_Identitys_composition_rules_are_replaced()
    {
        await using var app = new SampleApp();

        var result = await CreateAsync(app, "yamada", "yamada@example.jp", "kumo no ue de nemuru neko");

        result.Succeeded.Should().BeTrue(string.Join(", ", result.Errors.Select(e => e.Code)));
    }

    [Fact]
    public async Task A_breached_password_is_refused_when_a_breach_source_is_registered()
    {
        await using var app = new SampleApp(s => s.Replace(ServiceDescriptor.Singleton<IBreachedPasswordChecker>(new FixedChecker(BreachCheckResult.Found(42)))));

        var result = await CreateAsync(app, "ito", "ito@example.jp", "kumo no ue de nemuru neko");

        result.Errors.Select(e => e.Code).Should().Equal(TakeoverRulesPasswordValidator<IdentityUser>.BreachedCode);
    }

    [Fact]
    public async Task A_breach_check_that_hangs_is_cancelled_by_the_timeout_and_the_policy_alone_decides()
    {
        await using var app = new SampleApp(s =>
        {
            s.Replace(ServiceDescriptor.Singleton<IBreachedPasswordChecker>(new HangingChecker()));
            s.Configure<TakeoverRulesIdentityOptions>(o => o.BreachCheckTimeout = TimeSpan.FromMilliseconds(50));
        });

        var result = await CreateAsync(app, "kato", "kato@example.jp", "kumo no ue de nemuru neko");

        result.Succeeded.Should().BeTrue();
        app.Services.GetFakeLogCollector().GetSnapshot().Should().Contain(r => r.Id.Name == "BreachCheckUnavailable");
    }

    [Fact]
    public async Task No_password_reaches_any_log_line_at_any_level()
    {
        const string Secret = "Sora-wo-tobu-PIN-4821";
        await using var app = new SampleApp(s => s.Replace(ServiceDescriptor.Singleton<IBreachedPasswordChecker>(new FixedChecker(BreachCheckResult.Unavailable(BreachCheckFailure.Timeout)))));
        await CreateAsync(app, "watanabe", "watanabe@example.jp", Secret);
        await CreateAsync(app, "watanabe2", "watanabe2@example.jp", "short");
        using var client = app.CreateClient();
        await client.PostAsync("/password-strength", new StringContent($$"""{"password":"{{Secret}}"}""", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        await client.PostAsync("/password-strength", new StringContent($$"""{"password":"{{Secret}}", broken""", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        var records = app.Services.GetFakeLogCollector().GetSnapshot();
        records.Should().Contain(r => r.Level == Microsoft.Extensions.Logging.LogLevel.Trace || r.Level == Microsoft.Extensions.Logging.LogLevel.Debug, "every level is collected");
        foreach (var record in records)
        {
            var text = record.Message + " " + record.Exception + " " + string.Join(" ", record.StructuredState?.Select(kv => kv.Value) ?? []);
            text.Should().NotContain(Secret).And.NotContain("short\"");
        }
    }

    private sealed class FixedChecker(BreachCheckResult result) : IBreachedPasswordChecker
    {
        public ValueTask<BreachCheckResult> CheckAsync(string password, CancellationToken cancellationToken = default) => ValueTask.FromResult(result);
    }

    private sealed class HangingChecker : IBreachedPasswordChecker
    {
        public async ValueTask<BreachCheckResult> CheckAsync(string password, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return BreachCheckResult.NotFound;
        }
    }
}
