using System.Diagnostics;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using TakeoverRules.Detection;
using TakeoverRules.Diagnostics;
using TakeoverRules.Passwords;
using TakeoverRules.Tests.Passwords;

namespace TakeoverRules.Tests.Diagnostics;

public sealed class TelemetryTests
{
    private const string Password = "Kabuto-Secret-2025!";
    private const string Account = "ACC-00123456";
    private const string LoginId = Account + "-login-1";
    private const string WithdrawalId = Account + "-withdrawal-1";

    private static readonly DateTimeOffset Now = new(2025, 3, 17, 9, 0, 0, TimeSpan.FromHours(9));

    private static ServiceProvider Build(Action<IServiceCollection>? more = null, Action<TakeoverRulesOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddMetrics();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        more?.Invoke(services);
        services.AddTakeoverRules(configure);
        return services.BuildServiceProvider();
    }

    private static Decision Takeover(TakeoverDetector detector)
    {
        // Event ids built from the account number, as many brokers do: a log line must not leak the account through them.
        detector.Evaluate(new LoginEvent(LoginId, Now, Account, true, "198.51.100.1", "d", AuthMethod.Sms, LoginChannel.Web) { Hosting = true, Country = "SG" });
        return detector.Evaluate(new WithdrawalRequestEvent(WithdrawalId, Now.AddMinutes(3), Account, 1_000_000m, "bank"));
    }

    [Fact]
    public void Detection_decisions_indicator_hits_and_duration_are_measured()
    {
        using var provider = Build();
        var factory = provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var decisions = new MetricCollector<long>(factory, TakeoverRulesTelemetry.DetectionMeterName, TakeoverRulesTelemetry.DecisionsInstrument);
        using var hits = new MetricCollector<long>(factory, TakeoverRulesTelemetry.DetectionMeterName, TakeoverRulesTelemetry.IndicatorHitsInstrument);
        using var duration = new MetricCollector<double>(factory, TakeoverRulesTelemetry.DetectionMeterName, TakeoverRulesTelemetry.EvaluateDurationInstrument);

        var decision = Takeover(provider.GetRequiredService<TakeoverDetector>());

        decisions.GetMeasurementSnapshot().Should().HaveCount(2);
        decisions.LastMeasurement!.Tags["takeoverrules.decision.kind"].Should().Be(decision.Kind.ToString().ToLowerInvariant());
        hits.GetMeasurementSnapshot().Select(m => m.Tags["takeoverrules.indicator.id"]).Should().Contain(IndicatorCatalog.Get(IndicatorId.HostingNetwork).Code);
        duration.GetMeasurementSnapshot().Should().HaveCount(2).And.OnlyContain(m => m.Value > 0);
    }

    [Fact]
    public void A_flagged_decision_is_logged_with_a_redacted_account_and_event_id_and_an_empty_instrument_table_warns()
    {
        using var provider = Build();
        Takeover(provider.GetRequiredService<TakeoverDetector>());

        var records = provider.GetFakeLogCollector().GetSnapshot();
        records.Should().Contain(r => r.Level == LogLevel.Warning && r.Message.Contains("instrument reference data", StringComparison.Ordinal));
        var flagged = records.Where(r => r.Id.Name == "Decision").ToList();
        flagged.Should().NotBeEmpty();
        flagged.Should().OnlyContain(r => !r.Message.Contains("00123456", StringComparison.Ordinal) && r.Message.Contains("acct-", StringComparison.Ordinal) && r.Message.Contains("evt-", StringComparison.Ordinal));
        flagged.SelectMany(r => r.StructuredState!).Should().NotContain(kv => kv.Value != null && kv.Value.Contains("00123456", StringComparison.Ordinal));
        flagged.Select(r => r.StructuredState!.Single(kv => kv.Key == "Account").Value).Distinct().Should().ContainSingle("one account correlates within the process");
        flagged.Select(r => r.StructuredState!.Single(kv => kv.Key == "EventId").Value).Should().OnlyHaveUniqueItems("each event keeps its own correlation id");
    }

    [Fact]
    public void The_hosts_redactors_for_account_and_event_ids_are_used_when_registered()
    {
        using var provider = Build(s => s.AddRedaction(r =>
        {
            r.SetRedactor<ErasingRedactor>(new DataClassificationSet(TakeoverRulesTelemetry.AccountId));
            r.SetRedactor<ErasingRedactor>(new DataClassificationSet(TakeoverRulesTelemetry.EventId));
        }));
        Takeover(provider.GetRequiredService<TakeoverDetector>());

        provider.GetFakeLogCollector().GetSnapshot().Where(r => r.Id.Name == "Decision")
            .Should().NotBeEmpty().And.OnlyContain(r => r.StructuredState!.Single(kv => kv.Key == "Account").Value == ""
                && r.StructuredState!.Single(kv => kv.Key == "EventId").Value == "");
    }

    [Fact]
    public void An_account_and_an_event_with_the_same_text_do_not_share_a_redacted_id()
    {
        var ids = new IdRedaction(provider: null);

        ids.Account(Account).Should().StartWith("acct-").And.HaveLength(17).And.Be(ids.Account(Account));
        ids.Event(Account).Should().StartWith("evt-").And.HaveLength(16);
        ids.Event(Account)[4..].Should().NotBe(ids.Account(Account)[5..]);
    }

    [Fact]
    public async Task Password_estimates_and_breach_checks_are_measured_and_traced_without_the_password_at_any_level()
    {
        await using var server = LoopbackHttpServer.Returning(PwnedTestHashes.Suffix(Password) + ":3\r\n");
        await using var provider = Build(configure: o =>
        {
            o.Passwords.BreachSource = BreachSource.PwnedPasswordsApi;
            o.Passwords.PwnedPasswordsApi.BaseAddress = server.BaseAddress;
        });
        var factory = provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var estimates = new MetricCollector<long>(factory, TakeoverRulesTelemetry.PasswordsMeterName, TakeoverRulesTelemetry.EstimatesInstrument);
        using var checks = new MetricCollector<long>(factory, TakeoverRulesTelemetry.PasswordsMeterName, TakeoverRulesTelemetry.BreachChecksInstrument);
        using var latency = new MetricCollector<double>(factory, TakeoverRulesTelemetry.PasswordsMeterName, TakeoverRulesTelemetry.BreachCheckDurationInstrument);
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == TakeoverRulesTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Add,
        };
        ActivitySource.AddActivityListener(listener);

        // Other test classes run in parallel and use the same static source: keep only this test's trace.
        using var parent = new Activity("test").Start();
        var estimate = provider.GetRequiredService<PasswordStrengthEstimator>().Estimate(Password);
        provider.GetRequiredService<PasswordPolicyChecker>().Check(Password);
        var breach = await provider.GetRequiredService<IBreachedPasswordChecker>().CheckAsync(Password, TestContext.Current.CancellationToken);

        breach.Count.Should().Be(3);
        estimates.GetMeasurementSnapshot().Should().NotBeEmpty();
        ((string)estimates.LastMeasurement!.Tags["takeoverrules.password.score"]!).Should().Be(estimate.Score switch
        {
            PasswordScore.VeryWeak => "very_weak",
            PasswordScore.Weak => "weak",
            PasswordScore.Fair => "fair",
            PasswordScore.Strong => "strong",
            _ => "very_strong",
        });
        checks.LastMeasurement!.Tags["takeoverrules.breach_check.outcome"].Should().Be("found");
        latency.GetMeasurementSnapshot().Should().ContainSingle();
        activities.Should().ContainSingle(a => a.OperationName == "takeoverrules.breach_check" && a.TraceId == parent.TraceId);

        var hash = PwnedTestHashes.Sha1Hex(Password);
        var logged = provider.GetFakeLogCollector().GetSnapshot();
        logged.Should().Contain(r => r.Level == LogLevel.Trace).And.Contain(r => r.Level == LogLevel.Debug);
        foreach (var record in logged)
        {
            var text = record.Message + " " + string.Join(" ", record.StructuredState?.Select(kv => kv.Value) ?? []);
            text.Should().NotContain(Password).And.NotContain(hash).And.NotContain(hash[..5], "not even the range prefix is logged");
        }

        var prefix = hash[..5];
        foreach (var activity in activities)
        {
            activity.Tags.Select(t => t.Value).Should().NotContain(v => v != null && (v.Contains(Password, StringComparison.Ordinal) || v.Contains(prefix, StringComparison.OrdinalIgnoreCase)));
        }
    }

    [Fact]
    public async Task When_the_API_is_down_the_offline_hash_file_answers_and_the_fallback_is_logged()
    {
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".txt");
        File.WriteAllText(file, PwnedTestHashes.Sha1Hex(Password) + ":11\n");
        try
        {
            await using var server = LoopbackHttpServer.Returning("unavailable", status: 503);
            await using var provider = Build(configure: o =>
            {
                o.Passwords.BreachSource = BreachSource.PwnedPasswordsApi;
                o.Passwords.PwnedPasswordsApi.BaseAddress = server.BaseAddress;
                o.Passwords.PwnedPasswordsFile = file;
            });

            var result = await provider.GetRequiredService<IBreachedPasswordChecker>().CheckAsync(Password, TestContext.Current.CancellationToken);

            result.Count.Should().Be(11);
            provider.GetFakeLogCollector().GetSnapshot().Should().Contain(r => r.Id.Name == "BreachCheckFallback" && r.Level == LogLevel.Warning);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Without_a_fallback_an_unreachable_API_is_an_unavailable_result_and_a_warning()
    {
        await using var server = LoopbackHttpServer.Returning("unavailable", status: 503);
        await using var provider = Build(configure: o =>
        {
            o.Passwords.BreachSource = BreachSource.PwnedPasswordsApi;
            o.Passwords.PwnedPasswordsApi.BaseAddress = server.BaseAddress;
        });

        var result = await provider.GetRequiredService<IBreachedPasswordChecker>().CheckAsync(Password, TestContext.Current.CancellationToken);

        result.Status.Should().Be(BreachStatus.Unavailable);
        server.Requests.Should().HaveCount(2, "the standard resilience handler retries a 503 once");
        provider.GetFakeLogCollector().GetSnapshot().Should().Contain(r => r.Id.Name == "BreachCheckUnavailable" && r.Level == LogLevel.Warning);
    }
}
