namespace TakeoverRules.Detection;

/// <summary>
/// Access evidence: is the session the customer's own? Judges a successful login against the account's devices,
/// networks and countries, and cites the session's risky login on every later event while it lasts.
/// </summary>
internal static class AccessRules
{
    /// <summary>The access signals of a successful login. Values the account already knows are refreshed as it goes.</summary>
    public static RiskyLogin Assess(in DetectionContext ctx, LoginEvent e, out LoginTraits traits)
    {
        var st = ctx.State;
        var t = ctx.Time;
        var options = ctx.Options;
        var mature = st.Logins >= options.BaselineMinLogins;
        var login = new RiskyLogin { Time = t, Id = e.Id };

        // What is new to the account at all (before quarantine), for its churn rates; the first value of each kind is not news.
        traits = new LoginTraits(
            NewDevice: IsNew(st.Devices, StableHash.Fingerprint(e.Device)),
            NewAsn: e.Asn is not null && IsNew(st.Asns, StableHash.Fingerprint(e.Asn)),
            NewBlock: IsNew(st.AddressBlocks, StableHash.OfAddressBlock(e.Ip)),
            Abroad: e.Country is { Length: > 0 } c && !string.Equals(c, options.HomeCountry, StringComparison.OrdinalIgnoreCase),
            Hosting: e.Hosting == true);

        var pendingDevice = st.PendingDevice;
        var deviceKnown = Familiar(ctx, st.Devices, ref st.PendingDevice, ref st.PendingDeviceSince, StableHash.Fingerprint(e.Device), mature, earned: st.PendingDeviceUsed);
        if (st.PendingDevice != pendingDevice)
        {
            st.PendingDeviceUsed = false;
        }

        if (!deviceKnown)
        {
            login.Flags |= AccessFlags.Device;
            login.Device = e.Device;
            login.KnownDevices = AccountState.CountOf(st.Devices);
        }

        var asnKnown = e.Asn is null || Familiar(ctx, st.Asns, ref st.PendingAsn, ref st.PendingAsnSince, StableHash.Fingerprint(e.Asn), mature, earned: true);
        var blockKnown = Familiar(ctx, st.AddressBlocks, ref st.PendingBlock, ref st.PendingBlockSince, StableHash.OfAddressBlock(e.Ip), mature, earned: true);
        if (!asnKnown || (e.Asn is null && !blockKnown))
        {
            login.Flags |= AccessFlags.Network;
            login.Network = e.Asn ?? e.Ip;
            login.KnownNetworks = e.Asn is null ? AccountState.CountOf(st.AddressBlocks) : AccountState.CountOf(st.Asns);
        }
        else if (!blockKnown)
        {
            login.Flags |= AccessFlags.AddressBlock;
            login.Network = e.Ip;
            login.KnownNetworks = AccountState.CountOf(st.AddressBlocks);
        }

        if (e.Country is { Length: > 0 } country)
        {
            var countryKnown = Familiar(ctx, st.Countries, ref st.PendingCountry, ref st.PendingCountrySince, StableHash.Fingerprint(country), mature, earned: true);
            if (!countryKnown || (!mature && !string.Equals(country, options.HomeCountry, StringComparison.OrdinalIgnoreCase)))
            {
                login.Flags |= AccessFlags.Country;
                login.Country = country;
            }
        }

        // A hosting range the customer already uses (a corporate VPN) is part of their baseline.
        if (e.Hosting == true && !(e.Asn is not null && asnKnown && mature))
        {
            login.Flags |= AccessFlags.Hosting;
            login.Network ??= e.Asn ?? e.Ip;
        }

        if (st.FailCount >= options.FailedLoginThreshold && t - st.FailStart <= ctx.Settings.FailWindow)
        {
            login.Flags |= AccessFlags.FailedThenSuccess;
            login.Failures = st.FailCount;
            login.FailFirstId = st.Texts.Get(TextSlot.FailFirst);
            login.FailMinutes = DetectorSettings.Minutes(t - st.FailStart);
        }

        if (st.LastActivity != 0 && t - st.LastActivity >= ctx.Settings.Dormant)
        {
            login.Flags |= AccessFlags.Dormant;
            login.DormantDays = (int)((t - st.LastActivity) / TimeSpan.TicksPerDay);
        }

        Weigh(ref login, st.Profile, e.AuthMethod == AuthMethod.Passkey);
        return login;
    }

    private static bool IsNew(ReadOnlySpan<uint> slots, uint value) => slots[0] != 0 && !AccountState.Contains(slots, value);

    /// <summary>
    /// Weighs each access signal against this customer's own churn: a new network means little for a customer whose
    /// networks change weekly, much for one who always logs in from home; novelty on an account the detector has barely
    /// met is discounted. A passkey cannot be phished, so a passkey login is weak evidence whatever else is new.
    /// </summary>
    private static void Weigh(ref RiskyLogin login, in BehaviourProfile profile, bool passkey)
    {
        // Novelty means little until the account's usual values are known; where the address is from means something at once.
        var confidence = EvidenceModel.Confidence(profile.Logins);
        var scale = passkey ? EvidenceModel.PhishingResistantFactor : 1;
        var flags = login.Flags;
        var networkNew = (flags & (AccessFlags.Network | AccessFlags.AddressBlock | AccessFlags.Hosting | AccessFlags.Country)) != 0;
        if ((flags & AccessFlags.Device) != 0)
        {
            login.DeviceRate = (float)EvidenceModel.Rate(profile.NewDevices, profile.Logins, EvidenceModel.PopulationNewDevice);
            // A new phone or PC on the household's own network is the commonest honest change; half weight.
            login.DeviceLlr = (float)(EvidenceModel.Llr(EvidenceModel.AttackNewDevice, login.DeviceRate) * confidence * scale * (networkNew ? 1 : 0.5));
        }

        // The signals are not independent: the customer's own phone on another network (mobile data, a café) is the
        // commonest honest move, and an address abroad or in a hosting range is a new network by itself. So a new
        // network counts half on a known device, and half again next to a new country or a hosting address.
        var networkWeight = confidence * scale * ((flags & AccessFlags.Device) != 0 ? 1 : 0.5)
            * ((flags & (AccessFlags.Country | AccessFlags.Hosting)) != 0 ? 0.5 : 1);
        if ((flags & AccessFlags.Network) != 0)
        {
            login.NetworkRate = (float)EvidenceModel.Rate(profile.NewAsns, profile.Logins, EvidenceModel.PopulationNewAsn);
            login.NetworkLlr = (float)(EvidenceModel.Llr(EvidenceModel.AttackNewAsn, login.NetworkRate) * networkWeight);
        }
        else if ((flags & AccessFlags.AddressBlock) != 0)
        {
            login.NetworkRate = (float)EvidenceModel.Rate(profile.NewBlocks, profile.Logins, EvidenceModel.PopulationNewBlock);
            login.NetworkLlr = (float)(EvidenceModel.Llr(EvidenceModel.AttackNewBlock, login.NetworkRate) * networkWeight);
        }

        if ((flags & AccessFlags.Country) != 0)
        {
            login.CountryRate = (float)EvidenceModel.Rate(profile.Abroad, profile.Logins, EvidenceModel.PopulationAbroad);
            login.CountryLlr = (float)(EvidenceModel.Llr(EvidenceModel.AttackAbroad, login.CountryRate) * (0.5 + 0.5 * confidence) * scale);
        }

        if ((flags & AccessFlags.Hosting) != 0)
        {
            login.HostingRate = (float)EvidenceModel.Rate(profile.Hosting, profile.Logins, EvidenceModel.PopulationHosting);
            login.HostingLlr = (float)(EvidenceModel.Llr(EvidenceModel.AttackHosting, login.HostingRate) * (0.5 + 0.5 * confidence) * scale);
        }

        login.FailedLlr = (flags & AccessFlags.FailedThenSuccess) != 0 ? (float)(EvidenceModel.FailedThenSuccess * scale) : 0;
        login.DormantLlr = (flags & AccessFlags.Dormant) != 0 ? (float)EvidenceModel.Dormant : 0;
    }

    /// <summary>
    /// Whether <paramref name="value"/> is familiar. While the baseline is immature every value is learned at once;
    /// after that a new value waits in quarantine and becomes familiar when seen again <see cref="DetectorOptions.TrustAfterHours"/>
    /// later with no hold in between, so an attacker's device never becomes familiar during the attack — and, for a device,
    /// only once it was <paramref name="earned"/>: used for an order that was not held, so a device that only ever logged in
    /// (an attacker's reconnaissance login days before the attack) stays unfamiliar however long it waits.
    /// </summary>
    private static bool Familiar(in DetectionContext ctx, Span<uint> slots, ref uint pending, ref long pendingSince, uint value, bool mature, bool earned)
    {
        if (AccountState.Contains(slots, value))
        {
            AccountState.Touch(slots, value);
            return true;
        }

        if (!mature)
        {
            AccountState.Touch(slots, value);
            return true;
        }

        if (pending == value && earned && ctx.Time - pendingSince >= ctx.Settings.Trust && ctx.State.LastHold < pendingSince)
        {
            AccountState.Touch(slots, value);
            pending = 0;
            return false;
        }

        if (pending != value)
        {
            pending = value;
            pendingSince = ctx.Time;
        }

        return false;
    }

    /// <summary>Makes <paramref name="login"/> the session's risky login when it outweighs the decayed earlier one; a familiar login a day later ends the session.</summary>
    public static void UpdateSession(in DetectionContext ctx, in RiskyLogin login)
    {
        var st = ctx.State;
        if (login.Flags != AccessFlags.None)
        {
            // The stronger of this login and the decayed earlier one colours what follows.
            if (login.Evidence >= st.Risk.Evidence * ctx.Settings.SessionFactor(st, ctx.Time))
            {
                st.SetRisk(login);
            }
        }
        else if (st.Risk.Flags != AccessFlags.None && ctx.Time - st.Risk.Time >= ctx.Settings.Trust)
        {
            st.SetRisk(default);
        }
    }

    /// <summary>The indicator that best names why a session is risky, for the explanations of what follows it.</summary>
    public static IndicatorId? Cause(AccessFlags flags) =>
        (flags & AccessFlags.Hosting) != 0 ? IndicatorId.HostingNetwork
        : (flags & AccessFlags.Country) != 0 ? IndicatorId.UnfamiliarCountry
        : (flags & AccessFlags.Device) != 0 ? IndicatorId.UnfamiliarDevice
        : (flags & AccessFlags.FailedThenSuccess) != 0 ? IndicatorId.FailedThenSuccessfulLogin
        : (flags & AccessFlags.Dormant) != 0 ? IndicatorId.DormantAccountWakeUp
        : (flags & (AccessFlags.Network | AccessFlags.AddressBlock)) != 0 ? IndicatorId.UnfamiliarNetwork
        : null;

    /// <summary>
    /// An order in a session resumed after a quiet spell (<see cref="AccountObservation.SessionOrder"/>), against this
    /// customer's own share of such orders: a session cookie replayed from elsewhere (an info-stealer's) shows no login of
    /// its own; it acts after the victim has gone quiet.
    /// </summary>
    public static void StaleSession(in DetectionContext ctx, OrderEvent e, double factor, bool? resumed)
    {
        var st = ctx.State;
        var profile = st.Profile;
        // A risky login already speaks for the session; a customer met only a few times has no session habit yet.
        if (resumed != true || factor != 0 || profile.SessionOrders < ctx.Options.BaselineMinOrders)
        {
            return;
        }

        var rate = EvidenceModel.Rate(profile.LateSessionOrders, profile.SessionOrders, EvidenceModel.PopulationStaleSession);
        var llr = EvidenceModel.Llr(EvidenceModel.AttackStaleSession, rate) * EvidenceModel.Confidence(profile.SessionOrders);
        if (llr > 0)
        {
            var minutes = DetectorSettings.Minutes(st.SessionResumedAfter);
            ctx.Found.Add(new Candidate(IndicatorId.StaleSession, llr, minutes, ctx.Options.StaleSessionMinutes)
            {
                Minutes = minutes,
                E3 = e.Id,
                Baseline = rate,
            });
        }
    }

    /// <summary>Cites the session's risky login, decayed by <paramref name="factor"/>.</summary>
    public static void CiteSession(in DetectionContext ctx, double factor)
    {
        if (ctx.State.Risk.Flags != AccessFlags.None && factor > 0)
        {
            Cite(ctx, ctx.State.RiskWithText(), factor);
        }
    }

    /// <summary>Cites the access signals of <paramref name="login"/>, scaled by <paramref name="factor"/> within <see cref="MaxSessionEvidence"/>.</summary>
    public static void Cite(in DetectionContext ctx, in RiskyLogin login, double factor)
    {
        if (login.Flags == AccessFlags.None || factor <= 0)
        {
            return;
        }

        var options = ctx.Options;
        var found = ctx.Found;
        var budget = MaxSessionEvidence * factor;
        double? minutes = ctx.Time == login.Time ? null : DetectorSettings.Minutes(ctx.Time - login.Time);
        var loginId = login.Id;
        void Add(IndicatorId id, double llr, double observed, double threshold, string? subject, double? rate, string? firstEvidence = null, double? window = null)
        {
            var scaled = Math.Min(llr * factor, budget);
            budget -= scaled;
            if (scaled >= 0.05)
            {
                found.Add(new Candidate(id, scaled, observed, threshold) { Subject = subject, Minutes = window ?? minutes, E1 = firstEvidence, E3 = loginId, Baseline = rate });
            }
        }

        // Strongest first, so the cap trims the weakest.
        if ((login.Flags & AccessFlags.Hosting) != 0) Add(IndicatorId.HostingNetwork, login.HostingLlr, 1, 1, login.Network, login.HostingRate);
        if ((login.Flags & AccessFlags.Country) != 0) Add(IndicatorId.UnfamiliarCountry, login.CountryLlr, 1, 1, login.Country, login.CountryRate);
        if ((login.Flags & AccessFlags.Device) != 0) Add(IndicatorId.UnfamiliarDevice, login.DeviceLlr, login.KnownDevices, 0, login.Device, login.DeviceRate);
        if ((login.Flags & AccessFlags.Dormant) != 0) Add(IndicatorId.DormantAccountWakeUp, login.DormantLlr, login.DormantDays, options.DormantDays, null, null);
        if ((login.Flags & AccessFlags.FailedThenSuccess) != 0)
        {
            Add(IndicatorId.FailedThenSuccessfulLogin, login.FailedLlr, login.Failures, options.FailedLoginThreshold, null, null, login.FailFirstId, login.FailMinutes);
        }

        if ((login.Flags & (AccessFlags.Network | AccessFlags.AddressBlock)) != 0) Add(IndicatorId.UnfamiliarNetwork, login.NetworkLlr, login.KnownNetworks, 0, login.Network, login.NetworkRate);
    }

    /// <summary>The most session evidence one login can give (nats).</summary>
    public const double MaxSessionEvidence = 6;
}

/// <summary>What a successful login had that the account's access churn counts.</summary>
internal readonly record struct LoginTraits(bool NewDevice, bool NewAsn, bool NewBlock, bool Abroad, bool Hosting);
