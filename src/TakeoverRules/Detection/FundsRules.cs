namespace TakeoverRules.Detection;

/// <summary>Funds evidence: a withdrawal during a risky session or soon after the withdrawal account changed.</summary>
internal static class FundsRules
{
    /// <summary>Cites a risky withdrawal; returns whether the withdrawal account changed recently.</summary>
    public static bool Withdrawal(in DetectionContext ctx, WithdrawalRequestEvent e, uint destination, double factor)
    {
        var st = ctx.State;
        // A first withdrawal ever goes somewhere new by definition; it is news only once the account has a habit, or after a change.
        var known = AccountState.Contains(st.Destinations, destination) || (st.Destinations[0] == 0 && !ctx.Settings.SettingActive(st, SettingSlot.Withdrawal, ctx.Time));
        var withdrawalChanged = ctx.Settings.SettingActive(st, SettingSlot.Withdrawal, ctx.Time);
        if (factor > 0 || withdrawalChanged)
        {
            var llr = known ? EvidenceModel.WithdrawalKnownDestination : EvidenceModel.WithdrawalNewDestination;
            ctx.Found.Add(new Candidate(IndicatorId.WithdrawalAfterRisk, llr, known ? 0 : 1, 1)
            {
                Subject = e.Destination,
                AmountJpy = (double)e.AmountJpy,
                Minutes = factor > 0 ? DetectorSettings.Minutes(ctx.Time - st.Risk.Time) : null,
                Cause = factor > 0 ? AccessRules.Cause(st.Risk.Flags) : null,
                E1 = factor > 0 ? st.RiskId : null,
                E2 = withdrawalChanged ? st.SettingId(SettingSlot.Withdrawal) : null,
                E3 = e.Id,
            });
        }

        return withdrawalChanged;
    }
}
