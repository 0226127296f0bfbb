using TakeoverRules.Detection;

namespace TakeoverRules.Tests.Detection;

public sealed class DecisionPolicyTests
{
    private static readonly OrderEvent Buy = new("e1", new DateTimeOffset(2025, 4, 23, 10, 21, 0, TimeSpan.FromHours(9)), "A-1", "o1",
        OrderSide.Buy, "TSE:9991", 100, OrderType.Market, 1_000_000m);

    private static DecisionKind Decide(double session, double thin, double rotation, DetectorOptions? options = null)
    {
        var found = new CandidateBuffer();
        found.Add(new Candidate(IndicatorId.UnfamiliarDevice, session, 1, 1));
        found.Add(new Candidate(IndicatorId.ThinInstrument, thin, 1, 1));
        found.Add(new Candidate(IndicatorId.SellToBuyRotation, rotation, 1, 1));
        return new DecisionPolicy(options ?? new DetectorOptions()).Decide(Buy, found, canHold: true, exposureJpy: 10_000_000, knownCustomer: false, out _).Kind;
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
}
