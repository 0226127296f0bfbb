using CsCheck;
using TakeoverRules.Detection;

namespace TakeoverRules.Tests.Detection;

public sealed class DecisionPolicyTests
{
    private static readonly OrderEvent Buy = new("e1", new DateTimeOffset(2025, 4, 23, 10, 21, 0, TimeSpan.FromHours(9)), "A-1", "o1",
        OrderSide.Buy, "TSE:9991", 100, OrderType.Market, 1_000_000m);

    private static DecisionKind Decide(double session, double thin, double rotation, DetectorOptions? options = null) =>
        Decide([(IndicatorId.UnfamiliarDevice, session), (IndicatorId.ThinInstrument, thin), (IndicatorId.SellToBuyRotation, rotation)], options);

    // Exposure ¥10 M: the cost rule asks for no more than the 6-nat floor (HoldThreshold 60).
    private static DecisionKind Decide((IndicatorId Id, double Llr)[] evidence, DetectorOptions? options = null, bool knownCustomer = false)
    {
        var found = new CandidateBuffer();
        foreach (var (id, llr) in evidence)
        {
            found.Add(new Candidate(id, llr, 1, 1));
        }

        return new DecisionPolicy(options ?? new DetectorOptions()).Decide(Buy, found, canHold: true, exposureJpy: 10_000_000, knownCustomer, out _).Kind;
    }

    [Theory]
    [InlineData(2.2, 3.0, 3.0, DecisionKind.Hold)] // 8.2 nats: overwhelming, a new device is session enough
    [InlineData(2.2, 2.7, 2.8, DecisionKind.Review)] // 7.7 nats: not overwhelming, the session must say more
    [InlineData(1.8, 3.5, 3.5, DecisionKind.Review)] // below even the lower session bar
    [InlineData(2.6, 2.0, 1.5, DecisionKind.Hold)] // the usual rule: both sides, 6.1 nats
    public void Overwhelming_evidence_holds_on_less_session_evidence(double session, double thin, double rotation, DecisionKind expected) =>
        Decide(session, thin, rotation).Should().Be(expected);

    [Fact]
    public void The_strong_evidence_rule_follows_its_options()
    {
        var options = new DetectorOptions { StrongEvidence = 9.0 };

        Decide(2.2, 3.0, 3.0, options).Should().Be(DecisionKind.Review);
    }

    [Theory]
    [InlineData(0.6, 3.0, 2.8, DecisionKind.Hold)] // a replayed session: 5.8 nats of rotation, 6.4 in all
    [InlineData(0.9, 2.6, 2.6, DecisionKind.Review)] // 5.2 nats of rotation: the stale session is too weak a trait for less
    [InlineData(0.1, 3.0, 2.8, DecisionKind.Review)] // 5.8 nats of rotation but 5.9 in all: the cost rule still applies
    public void A_rotation_into_a_thin_name_in_a_stale_session_holds_without_a_login(double stale, double thin, double rotation, DecisionKind expected) =>
        Decide([(IndicatorId.StaleSession, stale), (IndicatorId.ThinInstrument, thin), (IndicatorId.SellToBuyRotation, rotation)]).Should().Be(expected);

    [Fact]
    public void A_stale_session_alone_does_not_hold_trading_without_a_rotation() =>
        Decide([(IndicatorId.StaleSession, 1.0), (IndicatorId.ThinInstrument, 3.5), (IndicatorId.BuyingPowerExhausted, 2.5)]).Should().Be(DecisionKind.Review);

    [Theory]
    [InlineData(0.8, true, DecisionKind.Hold)] // the whole 2025 pattern after a new device
    [InlineData(0.5, true, DecisionKind.Review)] // 0.7 nats of session evidence say too little
    [InlineData(0.8, false, DecisionKind.Review)] // a rotation, but not the whole pattern
    public void The_whole_rotation_pattern_after_a_new_device_holds_on_little_session_evidence(double device, bool pattern, DecisionKind expected)
    {
        (IndicatorId, double)[] evidence = pattern
            ? [(IndicatorId.UnfamiliarDevice, device), (IndicatorId.UnfamiliarNetwork, 0.2), (IndicatorId.ThinInstrument, 2.9), (IndicatorId.SellToBuyRotation, 2.4), (IndicatorId.RotationTypology, 0.6)]
            : [(IndicatorId.UnfamiliarDevice, device), (IndicatorId.UnfamiliarNetwork, 0.4), (IndicatorId.ThinInstrument, 3.2), (IndicatorId.SellToBuyRotation, 2.7)];

        Decide(evidence).Should().Be(expected);
    }

    [Fact]
    public void The_rotation_pattern_rules_follow_their_options()
    {
        var stale = new[] { (IndicatorId.StaleSession, 0.6), (IndicatorId.ThinInstrument, 3.0), (IndicatorId.SellToBuyRotation, 2.8) };
        var device = new[] { (IndicatorId.UnfamiliarDevice, 0.8), (IndicatorId.ThinInstrument, 2.9), (IndicatorId.SellToBuyRotation, 2.6), (IndicatorId.RotationTypology, 0.6) };

        Decide(stale, new DetectorOptions { RotationPatternActionEvidence = 6.0 }).Should().Be(DecisionKind.Review);
        Decide(device, new DetectorOptions { RotationPatternMinSessionEvidence = 1.0 }).Should().Be(DecisionKind.Review);
    }

    [Theory]
    [InlineData(8.0, true, DecisionKind.Review)] // unlike the customer, but not enough to hold with no sign of another person
    [InlineData(8.6, true, DecisionKind.Hold)]
    [InlineData(8.6, false, DecisionKind.Review)] // the detector does not know this customer's trading yet
    public void Trading_alone_holds_only_a_known_customer_and_only_far_from_their_habit(double action, bool known, DecisionKind expected) =>
        Decide([(IndicatorId.ThinInstrument, action / 2), (IndicatorId.BuyingPowerExhausted, action / 2)], knownCustomer: known).Should().Be(expected);

    [Fact]
    public void More_evidence_of_any_kind_never_lowers_the_decision()
    {
        var ids = IndicatorCatalog.All.Select(d => d.Id).ToArray();
        var candidate = Gen.Select(Gen.OneOf(ids), Gen.Double[0, 3.5]);
        Gen.Select(candidate.Array[0, 8], candidate, Gen.Bool).Sample((evidence, extra, known) =>
            ((int)Decide([.. evidence, extra], knownCustomer: known)).Should().BeGreaterThanOrEqualTo((int)Decide(evidence, knownCustomer: known)));
    }
}
