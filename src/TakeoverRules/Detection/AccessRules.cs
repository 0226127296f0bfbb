namespace TakeoverRules.Detection;

/// <summary>
/// Access evidence: is the session the customer's own? Judges a successful login against the account's devices,
/// networks and countries, and cites the session's risky login on every later event while it lasts.
/// </summary>
internal static class AccessRules
{
    /// <summary>The access signals of a successful login. Values the account already knows are refreshed as it goes.</summary>
    public static RiskyLogin Assess(in DetectionContext ctx, LoginEvent e)
    {
        var st = ctx.State;
        var t = ctx.Time;
        var options = ctx.Options;
        var mature = st.Logins >= options.BaselineMinLogins;
        var login = new RiskyLogin { Time = t, Id = e.Id };

        var deviceKnown = Familiar(ctx, st.Devices, ref st.PendingDevice, ref st.PendingDeviceSince, StableHash.Fingerprint(e.Device), mature);
        if (!deviceKnown)
        {
            login.Flags |= AccessFlags.Device;
            login.Device = e.Device;
            login.KnownDevices = AccountState.CountOf(st.Devices);
        }

        var asnKnown = e.Asn is null || Familiar(ctx, st.Asns, ref st.PendingAsn, ref st.PendingAsnSince, StableHash.Fingerprint(e.Asn), mature);
        var blockKnown = Familiar(ctx, st.AddressBlocks, ref st.PendingBlock, ref st.PendingBlockSince, StableHash.OfAddressBlock(e.Ip), mature);
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
            var countryKnown = Familiar(ctx, st.Countries, ref st.PendingCountry, ref st.PendingCountrySince, StableHash.Fingerprint(country), mature);
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

        return login;
    }

    /// <summary>
    /// Whether <paramref name="value"/> is familiar. While the baseline is immature every value is learned at once;
    /// after that a new value waits in quarantine and becomes familiar when seen again <see cref="DetectorOptions.TrustAfterHours"/>
    /// later with no hold in between, so an attacker's device never becomes familiar during the attack.
    /// </summary>
    private static bool Familiar(in DetectionContext ctx, Span<uint> slots, ref uint pending, ref long pendingSince, uint value, bool mature)
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

        if (pending == value && ctx.Time - pendingSince >= ctx.Settings.Trust && ctx.State.LastHold < pendingSince)
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
            if (Points(login.Flags, ctx.Options) >= Points(st.Risk.Flags, ctx.Options) * ctx.Settings.SessionFactor(st, ctx.Time))
            {
                st.SetRisk(login);
            }
        }
        else if (st.Risk.Flags != AccessFlags.None && ctx.Time - st.Risk.Time >= ctx.Settings.Trust)
        {
            st.SetRisk(default);
        }
    }

    /// <summary>The points of a set of access signals, capped.</summary>
    public static int Points(AccessFlags flags, DetectorOptions options)
    {
        var points = 0;
        if ((flags & AccessFlags.Device) != 0)
        {
            points += (flags & (AccessFlags.Network | AccessFlags.AddressBlock | AccessFlags.Hosting | AccessFlags.Country)) == 0
                ? options.UnfamiliarDevicePoints / 2
                : options.UnfamiliarDevicePoints;
        }

        if ((flags & AccessFlags.Network) != 0) points += options.UnfamiliarNetworkPoints;
        if ((flags & AccessFlags.AddressBlock) != 0) points += options.UnfamiliarNetworkPoints / 4;
        if ((flags & AccessFlags.Country) != 0) points += options.UnfamiliarCountryPoints;
        if ((flags & AccessFlags.Hosting) != 0) points += options.HostingNetworkPoints;
        if ((flags & AccessFlags.FailedThenSuccess) != 0) points += options.FailedThenSuccessPoints;
        if ((flags & AccessFlags.Dormant) != 0) points += options.DormantPoints;
        return Math.Min(points, options.AccessPointsCap);
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

    /// <summary>Cites the session's risky login, decayed by <paramref name="factor"/>.</summary>
    public static void CiteSession(in DetectionContext ctx, double factor)
    {
        if (ctx.State.Risk.Flags != AccessFlags.None && factor > 0)
        {
            Cite(ctx, ctx.State.RiskWithText(), factor);
        }
    }

    /// <summary>Cites the access signals of <paramref name="login"/>, scaled by <paramref name="factor"/> within the access cap.</summary>
    public static void Cite(in DetectionContext ctx, in RiskyLogin login, double factor)
    {
        if (login.Flags == AccessFlags.None || factor <= 0)
        {
            return;
        }

        var options = ctx.Options;
        var found = ctx.Found;
        var budget = (int)Math.Round(options.AccessPointsCap * factor);

        // A new phone on the household's own network and nothing else adds points but is not access evidence of its own.
        var weak = Points(login.Flags, options) < options.UnfamiliarDevicePoints;
        double? minutes = ctx.Time == login.Time ? null : DetectorSettings.Minutes(ctx.Time - login.Time);
        var loginId = login.Id;
        void Add(IndicatorId id, int points, double observed, double threshold, string? subject, string? firstEvidence = null, double? window = null)
        {
            var scaled = Math.Min((int)Math.Round(points * factor), budget);
            budget -= scaled;
            if (scaled > 0)
            {
                found.Add(new Candidate(id, scaled, observed, threshold) { Subject = subject, Minutes = window ?? minutes, E1 = firstEvidence, E3 = loginId, Weak = weak });
            }
        }

        // Strongest first, so the cap trims the weakest.
        if ((login.Flags & AccessFlags.Hosting) != 0) Add(IndicatorId.HostingNetwork, options.HostingNetworkPoints, 1, 1, login.Network);
        if ((login.Flags & AccessFlags.Country) != 0) Add(IndicatorId.UnfamiliarCountry, options.UnfamiliarCountryPoints, 1, 1, login.Country);
        if ((login.Flags & AccessFlags.Device) != 0)
        {
            // A new phone or PC on the household's own network is the commonest honest change; half weight.
            var homeNetwork = (login.Flags & (AccessFlags.Network | AccessFlags.AddressBlock | AccessFlags.Hosting | AccessFlags.Country)) == 0;
            Add(IndicatorId.UnfamiliarDevice, homeNetwork ? options.UnfamiliarDevicePoints / 2 : options.UnfamiliarDevicePoints, login.KnownDevices, 0, login.Device);
        }

        if ((login.Flags & AccessFlags.Dormant) != 0) Add(IndicatorId.DormantAccountWakeUp, options.DormantPoints, login.DormantDays, options.DormantDays, null);
        if ((login.Flags & AccessFlags.FailedThenSuccess) != 0)
        {
            Add(IndicatorId.FailedThenSuccessfulLogin, options.FailedThenSuccessPoints, login.Failures, options.FailedLoginThreshold, null, login.FailFirstId, login.FailMinutes);
        }

        if ((login.Flags & AccessFlags.Network) != 0) Add(IndicatorId.UnfamiliarNetwork, options.UnfamiliarNetworkPoints, login.KnownNetworks, 0, login.Network);
        if ((login.Flags & AccessFlags.AddressBlock) != 0) Add(IndicatorId.UnfamiliarNetwork, options.UnfamiliarNetworkPoints / 4, login.KnownNetworks, 0, login.Network);
    }
}
