namespace TakeoverRules.Detection;

/// <summary>
/// Turns the evidence found for an event into allow / review / hold / freeze. Evidence is in nats (log-likelihood ratios
/// against this customer's own habits) on two sides: the <em>session</em> (access and settings: is this the customer?) and
/// the <em>action</em> (trading, funds, other accounts: is this what the customer does?). The risk is the total as points
/// (10 per nat, at most 100).
/// </summary>
/// <remarks>
/// A hold is worth it when the expected loss of letting a takeover through exceeds the cost of stopping an honest
/// customer: P(takeover | e) · exposure · <see cref="DetectorOptions.MissedLossShare"/> &gt; (1 − P) · <see cref="DetectorOptions.HoldCostJpy"/>,
/// that is evidence &gt; −ln(prior odds) + ln(hold cost / (exposure · loss share)), never below
/// <see cref="DetectorOptions.HoldThreshold"/>. On top of that a hold needs both sides — the session is not the customer
/// <em>and</em> the action is unusual for them (less from the session once the total reaches <see cref="DetectorOptions.StrongEvidence"/>) — or, for a customer the detector knows, an action so unlike them that it
/// holds alone (the 2025 rotation inside a stolen session, which shows no login at all), or the 2025 rotation inside a
/// session with a stolen-session trait: ordered long after its login with no new one (a replayed cookie), or the whole
/// rotation pattern after a login from a new device (<see cref="DetectorOptions.RotationPatternActionEvidence"/>). Those
/// traits are weak for a customer the detector has barely met, so the rotation they carry needs no habit to be known.
/// </remarks>
internal sealed class DecisionPolicy(DetectorOptions options)
{
    private readonly double _priorEvidence = -Math.Log(options.TakeoverPriorOdds);

    public Decision Decide(AccountEvent e, CandidateBuffer found, bool canHold, double exposureJpy, bool knownCustomer, out double session)
    {
        session = 0;
        if (found.Count == 0)
        {
            return new Decision(e.Id, e.Account, e.Time, e.Type, DecisionKind.Allow, 0, null);
        }

        var action = 0.0;
        var lockout = false;
        var ramp = 0.0;
        var traits = Traits.None;
        foreach (ref readonly var c in found.Items)
        {
            traits |= c.Id switch
            {
                IndicatorId.StaleSession => Traits.StaleSession,
                IndicatorId.UnfamiliarDevice => Traits.NewDevice,
                IndicatorId.SellToBuyRotation => Traits.Rotation,
                IndicatorId.ThinInstrument => Traits.Thin,
                IndicatorId.RotationTypology => Traits.RotationPattern,
                _ => Traits.None,
            };

            var family = IndicatorCatalog.Get(c.Id).Category;
            if (family is IndicatorCategory.Access or IndicatorCategory.Settings)
            {
                session += c.Llr;
            }
            else
            {
                action += c.Llr;
            }

            // A change that locks the customer out after a risky login (the freeze case).
            lockout |= c.Cause is not null && c.Id is IndicatorId.NotificationsDisabled or IndicatorId.MfaWeakened
                or IndicatorId.WithdrawalAccountChanged or IndicatorId.ContactDetailsChanged;
            ramp += c.Id == IndicatorId.CrossAccountRamp ? c.Llr : 0;
        }

        var evidence = session + action;
        var risk = Math.Min(EvidenceModel.Points(evidence), 100);
        var kind = DecisionKind.Allow;
        var review = e.Type == AccountEventType.Order ? options.ReviewThreshold : options.NonOrderReviewThreshold;
        if (risk >= review)
        {
            kind = DecisionKind.Review;
        }

        if (canHold)
        {
            var needed = Math.Max(options.HoldThreshold / 10.0, _priorEvidence + Math.Log(options.HoldCostJpy / (Math.Max(exposureJpy, 1) * options.MissedLossShare)));
            // Overwhelming evidence needs less of it from the session: a quiet takeover (a residential address, no settings
            // changed) shows only a new device, and the trading says the rest.
            var minSession = evidence >= Math.Max(needed, options.StrongEvidence) ? Math.Min(options.MinSessionEvidence, options.StrongMinSessionEvidence) : options.MinSessionEvidence;
            var bothSides = session >= minSession && action >= options.MinActionEvidence && evidence >= needed;
            var alone = knownCustomer && action - ramp >= options.ActionAloneEvidence;
            var wave = ramp > 0 && action - ramp >= options.RampActionEvidence && evidence >= needed;
            var stolenSession = evidence >= needed && action - ramp >= options.RotationPatternActionEvidence
                && (traits.HasFlag(Traits.StaleSession | Traits.Rotation | Traits.Thin)
                    || (traits.HasFlag(Traits.NewDevice | Traits.RotationPattern) && session >= options.RotationPatternMinSessionEvidence));
            if (lockout && session >= options.LockoutFreezeEvidence)
            {
                // A risky login that at once locks the customer out (their contact details, notifications or MFA changed).
                kind = DecisionKind.Freeze;
            }
            else if (bothSides || alone || wave || stolenSession)
            {
                kind = lockout && evidence >= options.FreezeThreshold / 10.0 ? DecisionKind.Freeze : DecisionKind.Hold;
            }
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

    /// <summary>The indicators the stolen-session rules look for.</summary>
    [Flags]
    private enum Traits : byte
    {
        None = 0,
        StaleSession = 1,
        NewDevice = 2,
        Rotation = 4,
        Thin = 8,
        RotationPattern = 16,
    }
}
