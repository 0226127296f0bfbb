using System.Linq.Expressions;
using NRules;
using NRules.Fluent;
using NRules.Fluent.Dsl;
using TakeoverRules.Detection;

namespace TakeoverRules.Benchmarks.Detection;

/// <summary>
/// The indicator rules of <see cref="HostStateBaseline"/> written the way a team would with NRules 1.0.4: one fluent
/// rule class per indicator, compiled once into an <see cref="ISessionFactory"/>, and one long-lived session per stream
/// partition holding one fact per account.
/// </summary>
/// <remarks>
/// Why this shape: a pre-trade check is a stream of single events that each need an answer before the next one of the
/// same account, and a consumer owns a partition of accounts. A session per account would repeat the whole Rete memory
/// for every customer (millions at a broker); a session per event would rebuild it on every order. One session whose
/// working memory keeps each account's fact, updated in place as that account's events arrive, is what Rete is built
/// for: an update re-evaluates only that fact, and every rule it still matches fires again (rules are repeatable by
/// default). Raw events are not kept as facts: the windows, baselines and ladders would need unbounded memory and
/// accumulate-over-time joins, so the host aggregates them exactly as it does for RulesEngine. Sessions are not
/// thread-safe, which a partition's single consumer does not need.
/// </remarks>
internal sealed class NRulesBaseline : HostStateBaseline
{
    private readonly ISessionFactory _factory;
    private ISession _session;

    public NRulesBaseline(IInstrumentSource instruments)
        : base(instruments)
    {
        var repository = new RuleRepository();
        repository.Load(spec => spec.PrivateTypes(true).NestedTypes(true).From(typeof(IndicatorRule).Assembly));
        _factory = repository.Compile();
        _session = _factory.CreateSession();
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _session = _factory.CreateSession();
    }

    protected override BaselineFeatures FeaturesFor(HostAccount account) => account.Fact ??= new BaselineFeatures();

    protected override IReadOnlyList<string>? Match(BaselineFeatures features)
    {
        if (!_session.TryUpdate(features))
        {
            _session.Insert(features);
        }

        _session.Fire();
        return features.Fired;
    }

    /// <summary>One indicator: the rule named after it matches an account fact on the condition and records itself.</summary>
    private abstract class IndicatorRule(string indicator, Expression<Func<BaselineFeatures, bool>> condition) : Rule
    {
        public override void Define()
        {
            BaselineFeatures f = null!;
            Name(indicator);
            When().Match(() => f, condition);
            Then().Do(ctx => f.RecordFired(ctx.Rule.Name));
        }
    }

    private sealed class UnfamiliarDevice() : IndicatorRule(nameof(UnfamiliarDevice), f => f.SessionFactor > 0 && f.NewDevice);

    private sealed class UnfamiliarNetwork() : IndicatorRule(nameof(UnfamiliarNetwork), f => f.SessionFactor > 0 && f.NewNetwork);

    private sealed class UnfamiliarCountry() : IndicatorRule(nameof(UnfamiliarCountry), f => f.SessionFactor > 0 && f.NewCountry);

    private sealed class HostingNetwork() : IndicatorRule(nameof(HostingNetwork), f => f.SessionFactor > 0 && f.Hosting);

    private sealed class FailedThenSuccessfulLogin() : IndicatorRule(nameof(FailedThenSuccessfulLogin), f => f.IsLogin && f.FailedBefore >= 3);

    private sealed class DormantAccountWakeUp() : IndicatorRule(nameof(DormantAccountWakeUp), f => f.IsLogin && f.DaysIdle >= 180);

    private sealed class ContactDetailsChanged() : IndicatorRule(nameof(ContactDetailsChanged),
        f => f.MinutesSinceContactChange >= 0 && f.MinutesSinceContactChange <= 4320);

    private sealed class NotificationsDisabled() : IndicatorRule(nameof(NotificationsDisabled),
        f => f.MinutesSinceNotificationsOff >= 0 && f.MinutesSinceNotificationsOff <= 4320);

    private sealed class LiquidationBurst() : IndicatorRule(nameof(LiquidationBurst), f => f.IsSell && f.SoldShare >= 0.5);

    private sealed class SellToBuyRotation() : IndicatorRule(nameof(SellToBuyRotation), f => f.IsBuy && f.SoldShare >= 0.3);

    private sealed class BuyingPowerExhausted() : IndicatorRule(nameof(BuyingPowerExhausted), f => f.IsBuy && f.BuyingPowerUsed >= 0.9);

    private sealed class FirstTradeInSegment() : IndicatorRule(nameof(FirstTradeInSegment), f => f.IsBuy && f.Orders >= 3 && f.NewMarket);

    private sealed class ThinInstrument() : IndicatorRule(nameof(ThinInstrument),
        f => f.IsBuy && f.TurnoverJpy > 0 && (f.TurnoverJpy < 300_000_000 || f.NotionalJpy >= 0.02 * f.TurnoverJpy));

    private sealed class RisingPriceLadder() : IndicatorRule(nameof(RisingPriceLadder), f => f.IsBuy && f.LadderCount >= 3);

    private sealed class OrderSizeAboveHistory() : IndicatorRule(nameof(OrderSizeAboveHistory),
        f => f.IsOrder && f.Orders >= 3 && f.MaxOrderJpy > 0 && f.NotionalJpy >= 5 * f.MaxOrderJpy);

    private sealed class OffHours() : IndicatorRule(nameof(OffHours), f => f.IsOrder && f.HourTotal >= 30 && f.HourShare < 0.02);

    private sealed class WithdrawalAfterRisk() : IndicatorRule(nameof(WithdrawalAfterRisk), f => f.IsWithdrawal && f.SessionFactor > 0);

    private sealed class RotationTypology() : IndicatorRule(nameof(RotationTypology),
        f => f.IsBuy && f.SessionFactor > 0 && f.SoldShare >= 0.5 && (f.TurnoverJpy < 300_000_000 || f.NewMarket));

    private sealed class CrossAccountRamp() : IndicatorRule(nameof(CrossAccountRamp), f => f.IsBuy && f.RiskyBuyersOfSymbol >= 3);
}
