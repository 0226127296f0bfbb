using RulesEngine.Models;
using TakeoverRules.Detection;

namespace TakeoverRules.Benchmarks.Detection;

/// <summary>
/// The indicator rules of <see cref="HostStateBaseline"/> written the way a team would with Microsoft RulesEngine
/// 6.0.1: one lambda rule per indicator in one workflow, compiled on first use and cached, evaluated on a new feature
/// object per event (RulesEngine is stateless and takes its input as rule parameters).
/// </summary>
internal sealed class RulesEngineBaseline : HostStateBaseline
{
    private const string WorkflowName = "takeover";

    private static readonly (string Name, string Expression)[] Rules =
    [
        ("UnfamiliarDevice", "f.SessionFactor > 0 AND f.NewDevice"),
        ("UnfamiliarNetwork", "f.SessionFactor > 0 AND f.NewNetwork"),
        ("UnfamiliarCountry", "f.SessionFactor > 0 AND f.NewCountry"),
        ("HostingNetwork", "f.SessionFactor > 0 AND f.Hosting"),
        ("FailedThenSuccessfulLogin", "f.IsLogin AND f.FailedBefore >= 3"),
        ("DormantAccountWakeUp", "f.IsLogin AND f.DaysIdle >= 180"),
        ("ContactDetailsChanged", "f.MinutesSinceContactChange >= 0 AND f.MinutesSinceContactChange <= 4320"),
        ("NotificationsDisabled", "f.MinutesSinceNotificationsOff >= 0 AND f.MinutesSinceNotificationsOff <= 4320"),
        ("LiquidationBurst", "f.IsSell AND f.SoldShare >= 0.5"),
        ("SellToBuyRotation", "f.IsBuy AND f.SoldShare >= 0.3"),
        ("BuyingPowerExhausted", "f.IsBuy AND f.BuyingPowerUsed >= 0.9"),
        ("FirstTradeInSegment", "f.IsBuy AND f.Orders >= 3 AND f.NewMarket"),
        ("ThinInstrument", "f.IsBuy AND f.TurnoverJpy > 0 AND (f.TurnoverJpy < 300000000 OR f.NotionalJpy >= 0.02 * f.TurnoverJpy)"),
        ("RisingPriceLadder", "f.IsBuy AND f.LadderCount >= 3"),
        ("OrderSizeAboveHistory", "f.IsOrder AND f.Orders >= 3 AND f.MaxOrderJpy > 0 AND f.NotionalJpy >= 5 * f.MaxOrderJpy"),
        ("OffHours", "f.IsOrder AND f.HourTotal >= 30 AND f.HourShare < 0.02"),
        ("WithdrawalAfterRisk", "f.IsWithdrawal AND f.SessionFactor > 0"),
        ("RotationTypology", "f.IsBuy AND f.SessionFactor > 0 AND f.SoldShare >= 0.5 AND (f.TurnoverJpy < 300000000 OR f.NewMarket)"),
        ("CrossAccountRamp", "f.IsBuy AND f.RiskyBuyersOfSymbol >= 3"),
    ];

    private readonly global::RulesEngine.RulesEngine _engine;

    public RulesEngineBaseline(IInstrumentSource instruments)
        : base(instruments)
    {
        var workflow = new Workflow
        {
            WorkflowName = WorkflowName,
            Rules = [.. Rules.Select(r => new Rule { RuleName = r.Name, Expression = r.Expression, RuleExpressionType = RuleExpressionType.LambdaExpression })],
        };
        _engine = new global::RulesEngine.RulesEngine([workflow], new ReSettings());
    }

    protected override BaselineFeatures FeaturesFor(HostAccount account) => new();

    protected override IReadOnlyList<string>? Match(BaselineFeatures features)
    {
        var results = _engine.ExecuteAllRulesAsync(WorkflowName, new RuleParameter("f", features)).AsTask().GetAwaiter().GetResult();
        List<string>? fired = null;
        foreach (var result in results)
        {
            if (result.IsSuccess)
            {
                (fired ??= []).Add(result.Rule.RuleName);
            }
        }

        return fired;
    }
}
