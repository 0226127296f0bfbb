using TakeoverRules.Detection;
using TakeoverRules.Testing;

namespace TakeoverRules.Tests.Detection.Scenarios;

/// <summary>
/// The detector against the testing kit's ready-made stories: every 2025 takeover variant is stopped at its first
/// fraudulent buy (or withdrawal), and no honest look-alike has an order held after its weeks of history.
/// </summary>
public sealed class KnownScenarioTests
{
    public static TheoryData<string> Attacks => [.. KnownScenarios.Attacks.Keys.Where(k => k != "withdrawal-diversion")];

    public static TheoryData<string> LookAlikes => [.. KnownScenarios.LookAlikes.Keys];

    [Theory]
    [MemberData(nameof(Attacks))]
    public void Every_takeover_variant_is_held_at_its_first_fraudulent_buy(string name)
    {
        var result = KnownScenarios.Attacks[name]().Evaluate();

        result.Should().HoldFirstFraudulentBuy();
    }

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public void No_honest_look_alike_has_an_order_held(string name)
    {
        var result = KnownScenarios.LookAlikes[name]().Evaluate();

        result.Should().NotHoldAnyOrder().And.NotFreezeAnyAccount();
    }

    [Fact]
    public void A_withdrawal_to_a_newly_registered_bank_account_after_a_foreign_hosting_login_is_stopped()
    {
        var result = KnownScenarios.WithdrawalDiversion().Evaluate();

        result.Events.Single(e => e.Event is WithdrawalRequestEvent).IsStopped.Should().BeTrue();
        result.Should().Flag(IndicatorId.WithdrawalAccountChanged);
    }
}
