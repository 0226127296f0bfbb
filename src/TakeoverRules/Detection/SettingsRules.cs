namespace TakeoverRules.Detection;

/// <summary>
/// Settings evidence: security-relevant changes (contact details, notifications, MFA, withdrawal account, credentials,
/// trading privileges) are remembered per family and cited on every event within the settings window.
/// </summary>
internal static class SettingsRules
{
    /// <summary>Remembers a security-relevant change; other settings changes are not evidence.</summary>
    public static void Record(AccountState st, SettingChangedEvent e, long t)
    {
        var slot = e.Setting switch
        {
            AccountSetting.Email or AccountSetting.Phone or AccountSetting.Address => SettingSlot.Contact,
            AccountSetting.LoginNotifications when e.Enabled != true => SettingSlot.Notifications,
            AccountSetting.Mfa when e.Enabled != true => SettingSlot.Mfa,
            AccountSetting.WithdrawalAccount => SettingSlot.Withdrawal,
            AccountSetting.Password or AccountSetting.TradingPin => SettingSlot.Credential,
            AccountSetting.ForeignTrading or AccountSetting.MarginTrading when e.Enabled != false => SettingSlot.Privilege,
            _ => -1,
        };

        if (slot < 0)
        {
            return;
        }

        st.ChangeSetting(slot, t, e.Id);
        switch (slot)
        {
            case SettingSlot.Contact: st.ContactSetting = e.Setting; break;
            case SettingSlot.Credential: st.CredentialSetting = e.Setting; break;
            case SettingSlot.Privilege: st.PrivilegeSetting = e.Setting; break;
        }
    }

    /// <summary>Cites every change still within the settings window; a change right after a risky login counts in full.</summary>
    public static void CiteActive(in DetectionContext ctx, double factor)
    {
        var st = ctx.State;
        for (var slot = 0; slot < SettingSlot.Count; slot++)
        {
            if (!ctx.Settings.SettingActive(st, slot, ctx.Time))
            {
                continue;
            }

            var (id, llr, subject) = slot switch
            {
                SettingSlot.Contact => (IndicatorId.ContactDetailsChanged, EvidenceModel.ContactChanged, SettingName(st.ContactSetting)),
                SettingSlot.Notifications => (IndicatorId.NotificationsDisabled, EvidenceModel.NotificationsDisabled, "loginNotifications"),
                SettingSlot.Mfa => (IndicatorId.MfaWeakened, EvidenceModel.MfaWeakened, "mfa"),
                SettingSlot.Withdrawal => (IndicatorId.WithdrawalAccountChanged, EvidenceModel.WithdrawalAccountChanged, "withdrawalAccount"),
                SettingSlot.Credential => (IndicatorId.CredentialChanged, EvidenceModel.CredentialChanged, SettingName(st.CredentialSetting)),
                _ => (IndicatorId.NewTradingPrivilege, EvidenceModel.NewTradingPrivilege, SettingName(st.PrivilegeSetting)),
            };

            // A change right after a risky login is the pattern; on its own it is an honest customer's housekeeping.
            var afterRisk = factor > 0 && st.SettingTime[slot] >= st.Risk.Time;
            ctx.Found.Add(new Candidate(id, afterRisk ? llr : llr / 2, 1, 1)
            {
                Subject = subject,
                Minutes = afterRisk ? DetectorSettings.Minutes(st.SettingTime[slot] - st.Risk.Time) : null,
                Cause = afterRisk ? AccessRules.Cause(st.Risk.Flags) : null,
                E1 = afterRisk ? st.RiskId : null,
                E3 = st.SettingId(slot),
            });
        }
    }

    private static string SettingName(AccountSetting setting) => setting switch
    {
        AccountSetting.Email => "email",
        AccountSetting.Phone => "phone",
        AccountSetting.Address => "address",
        AccountSetting.Password => "password",
        AccountSetting.TradingPin => "tradingPin",
        AccountSetting.ForeignTrading => "foreignTrading",
        AccountSetting.MarginTrading => "marginTrading",
        AccountSetting.Mfa => "mfa",
        AccountSetting.LoginNotifications => "loginNotifications",
        _ => "withdrawalAccount",
    };
}
