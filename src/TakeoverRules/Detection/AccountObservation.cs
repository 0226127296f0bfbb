namespace TakeoverRules.Detection;

/// <summary>
/// The first step of the route: what an event says about the account's present (failed-login runs, the current run of
/// orders, buying power, holdings), recorded before any rule judges it. Never touches the learned baseline.
/// </summary>
internal static class AccountObservation
{
    /// <summary>Half-life of the multi-day sold share, so the sells of day one still colour the buys of day two.</summary>
    private const double SoldHalfLifeDays = 1.5;

    public static void FailedLogin(AccountState st, LoginEvent e, long t, DetectorSettings settings)
    {
        if (st.FailCount == 0 || t - st.FailStart > settings.FailWindow)
        {
            st.FailStart = t;
            st.FailCount = 0;
            st.Texts.Set(TextSlot.FailFirst, e.Id);
        }

        st.FailCount++;
    }

    /// <summary>A successful login ends the run of failures.</summary>
    public static void SuccessfulLogin(AccountState st, long t, LoginChannel channel, string device)
    {
        st.SessionDevice = StableHash.Fingerprint(device);
        st.SessionActivity = Math.Max(st.SessionActivity, t);
        st.SessionResumed = false;
        st.SessionResumedAfter = 0;
        st.LastLoginApi = channel == LoginChannel.Api;
        st.FailCount = 0;
        st.Texts.Set(TextSlot.FailFirst, null);
    }

    /// <summary>
    /// Follows the login session an order belongs to: the first order more than <see cref="DetectorOptions.StaleSessionMinutes"/>
    /// after the session's last login or order resumes it, and so does every order after it until the next login. Returns
    /// whether the order is in a resumed session, or null when it is in no login session at all (before the first login,
    /// after an API login, whose token lives as long as the client runs, or past <see cref="DetectorOptions.SessionLifetimeHours"/>
    /// of quiet, as automatic orders the broker places are).
    /// </summary>
    public static bool? SessionOrder(AccountState st, long t, DetectorSettings settings)
    {
        var idle = t - st.SessionActivity;
        if (st.SessionActivity == 0 || st.LastLoginApi || idle > settings.SessionLifetime)
        {
            return null;
        }

        if (idle > settings.StaleSession)
        {
            st.SessionResumed = true;
            st.SessionResumedAfter = idle;
        }

        st.SessionActivity = Math.Max(st.SessionActivity, t);
        return st.SessionResumed;
    }

    /// <summary>Starts a new run of orders after a gap, and takes the buying power the order reports.</summary>
    public static void Order(AccountState st, OrderEvent e, long t, DetectorSettings settings)
    {
        if (st.BurstLast == 0 || t - st.BurstLast > settings.BurstGap)
        {
            // The run that ended still counts for a few days: a slow attack sells on day one and buys on day two.
            var sold = RecentSoldShare(st, st.BurstLast);
            if (sold > 0)
            {
                st.Profile.RecentSoldShare = (float)sold;
                st.Profile.RecentSoldTime = st.BurstLast;
            }

            st.RunProfile = st.Profile;
            st.RunThinSymbols = default;
            st.RunThinCount = 0;
            st.BurstHoldingsJpy = st.HoldingsJpy;
            st.BurstSellJpy = 0;
            st.BurstBuyJpy = 0;
            st.Texts.Set(TextSlot.BurstFirstSell, null);
            st.Texts.Set(TextSlot.BurstLastSell, null);
            st.BurstFirstSellTime = 0;
        }

        st.BurstLast = Math.Max(st.BurstLast, t);
        if (e.BuyingPowerJpy is { } reported)
        {
            st.AvailableJpy = (double)reported;
        }
    }

    /// <summary>Adds a sell to the run; its proceeds are buying power at once.</summary>
    public static void Sell(AccountState st, OrderEvent e, long t, double notional)
    {
        st.BurstSellJpy += notional;
        if (!st.Texts.Has(TextSlot.BurstFirstSell))
        {
            st.Texts.Set(TextSlot.BurstFirstSell, e.Id);
            st.BurstFirstSellTime = t;
        }

        st.Texts.Set(TextSlot.BurstLastSell, e.Id);
        st.AvailableJpy += notional;
    }

    /// <summary>Adds a judged buy to the run; it reserves buying power.</summary>
    public static void Buy(AccountState st, double notional)
    {
        st.BurstBuyJpy += notional;
        st.AvailableJpy = Math.Max(0, st.AvailableJpy - notional);
    }

    /// <summary>
    /// A fill changes what the account holds: without it, a customer who bought last month and sells today would look
    /// as if they sold more than they own (the holdings of the last snapshot), and every such sell would look like a liquidation.
    /// </summary>
    public static void Execution(AccountState st, ExecutionEvent e)
    {
        var value = (double)e.NotionalJpy;
        st.HoldingsJpy = e.Side == OrderSide.Buy ? st.HoldingsJpy + value : Math.Max(0, st.HoldingsJpy - value);
    }

    public static void Portfolio(AccountState st, PortfolioEvent e, long t, DetectorSettings settings)
    {
        double holdings = 0;
        foreach (var position in e.Positions)
        {
            holdings += (double)position.ValueJpy;
        }

        st.HoldingsJpy = holdings;
        st.AvailableJpy = (double)e.BuyingPowerJpy;
        if (st.BurstLast != 0 && t - st.BurstLast <= settings.BurstGap && !st.HasPortfolio)
        {
            // The first snapshot arrived mid-run: what was sold so far was part of the holdings.
            st.BurstHoldingsJpy = holdings + st.BurstSellJpy;
        }

        st.HasPortfolio = true;
    }

    /// <summary>The share of holdings sold recently: this run's, or the decayed share of the last days' runs, whichever is larger.</summary>
    public static double RecentSoldShare(AccountState st, long t)
    {
        var days = Math.Max(0, t - st.Profile.RecentSoldTime) / (double)TimeSpan.TicksPerDay;
        var decayed = st.Profile.RecentSoldShare * Math.Pow(0.5, days / SoldHalfLifeDays);
        return Math.Max(SoldShare(st), decayed);
    }

    /// <summary>The share of the run's starting holdings sold so far.</summary>
    public static double SoldShare(AccountState st)
    {
        // Without a portfolio snapshot the share is unknown, not 100%.
        return st.BurstHoldingsJpy > 0 ? Math.Min(1, st.BurstSellJpy / st.BurstHoldingsJpy) : 0;
    }
}
