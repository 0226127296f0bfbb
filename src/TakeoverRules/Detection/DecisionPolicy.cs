namespace TakeoverRules.Detection;

/// <summary>
/// Turns the indicators found for an event into allow / review / hold / freeze. Points add up to the risk; a hold needs
/// an indicator that anchors it plus a second family of the account's own evidence (or the full 2025 rotation), and a
/// freeze also needs a change that locks the customer out.
/// </summary>
internal sealed class DecisionPolicy(DetectorOptions options)
{
    public Decision Decide(AccountEvent e, CandidateBuffer found, bool canHold)
    {
        if (found.Count == 0)
        {
            return new Decision(e.Id, e.Account, e.Time, e.Type, DecisionKind.Allow, 0, null);
        }

        var risk = 0;
        var families = 0;
        var anchors = 0;
        var ramp = 0;
        var freezing = false;
        var rotationIntoThin = false;
        var rotated = false;
        foreach (ref readonly var c in found.Items)
        {
            var family = IndicatorCatalog.Get(c.Id).Category;
            risk += c.Points;
            // Other accounts' evidence raises the risk but is not a second family of this account's own.
            families |= c.Weak || family == IndicatorCategory.CrossAccount ? 0 : 1 << (int)family;
            anchors += !c.Weak && AnchorsHold(c.Id, family) ? 1 : 0;
            rotationIntoThin |= !c.Weak && c.Id == IndicatorId.ThinInstrument;
            rotated |= !c.Weak && c.Id == IndicatorId.SellToBuyRotation;
            freezing |= c.Id is IndicatorId.NotificationsDisabled or IndicatorId.MfaWeakened
                or IndicatorId.WithdrawalAccountChanged or IndicatorId.ContactDetailsChanged;
            ramp += c.Id == IndicatorId.CrossAccountRamp ? c.Points : 0;
        }

        // A ramp freezes only an account whose own evidence already holds; it holds a bystander with one signal.
        freezing |= ramp > 0 && risk - ramp >= options.HoldThreshold;

        risk = Math.Min(risk, 100);
        var kind = DecisionKind.Allow;
        if (risk >= options.ReviewThreshold)
        {
            kind = DecisionKind.Review;
        }

        // Honest customers show one signal at a time; a hold needs a behaviour that anchors it plus a second family.
        // Without access or settings evidence (an attacker replaying the owner's device and network) only the 2025
        // pattern itself holds: holdings sold and the proceeds spent on a thin stock new to the account.
        var combined = System.Numerics.BitOperations.PopCount((uint)families) >= 2 || (rotated && rotationIntoThin && anchors >= 3);
        if (canHold && risk >= options.HoldThreshold && anchors > 0 && combined)
        {
            kind = risk >= options.FreezeThreshold && freezing ? DecisionKind.Freeze : DecisionKind.Hold;
        }

        var hits = new IndicatorHit[found.Count];
        for (var i = 0; i < hits.Length; i++)
        {
            hits[i] = found.Items[i].ToHit();
        }

        // Strongest first; ties by id so the order is deterministic.
        Array.Sort(hits, static (a, b) => a.Points != b.Points ? b.Points.CompareTo(a.Points) : a.Id.CompareTo(b.Id));
        return new Decision(e.Id, e.Account, e.Time, e.Type, kind, risk, hits);
    }

    /// <summary>Indicators typical of a takeover rather than of an honest customer's change; a hold needs one.</summary>
    private static bool AnchorsHold(IndicatorId id, IndicatorCategory family) => id is not (IndicatorId.FirstTradeInSegment or IndicatorId.OffHours
        or IndicatorId.OrderSizeAboveHistory or IndicatorId.CredentialChanged or IndicatorId.NewTradingPrivilege) && family != IndicatorCategory.Access;
}
