namespace TakeoverRules.Detection;

/// <summary>
/// The last step of the route: what the account's baseline learns from an event once it has been decided. Only clean
/// activity is learned, so an attacker's session never becomes the customer's baseline.
/// </summary>
internal static class ProfileLearning
{
    public static void Login(AccountState st, long t, int hour)
    {
        st.Logins++;
        st.LastActivity = Math.Max(st.LastActivity, t);
        st.CountHour(hour);
    }

    public static void Order(AccountState st, OrderEvent e, long t, Decision decision, double factor, double notional, uint marketHash, bool thin, int hour)
    {
        if (decision.Kind >= DecisionKind.Hold)
        {
            st.LastHold = t;
        }
        else if (decision.Kind == DecisionKind.Allow && factor == 0)
        {
            st.Orders++;
            st.MaxOrderJpy = Math.Max(st.MaxOrderJpy, notional);
            AccountState.Touch(st.Markets, marketHash);
            st.TradedThin |= thin;
            st.UsedMargin |= e.Margin == true;
            st.LastActivity = Math.Max(st.LastActivity, t);
            st.CountHour(hour);
        }
    }

    public static void Withdrawal(AccountState st, long t, Decision decision, double factor, bool withdrawalChanged, uint destination)
    {
        if (decision.Kind >= DecisionKind.Hold)
        {
            st.LastHold = t;
        }
        else if (factor == 0 && !withdrawalChanged)
        {
            AccountState.Touch(st.Destinations, destination);
        }
    }

    /// <summary>
    /// A market the customer already holds in is not new to them (a customer back after a long break, or whose orders
    /// went through another channel, still knows it). Learned only outside a risky session, so positions an attacker has
    /// just bought never become familiar.
    /// </summary>
    public static void Portfolio(AccountState st, PortfolioEvent e, double factor)
    {
        if (factor != 0)
        {
            return;
        }

        foreach (var position in e.Positions)
        {
            AccountState.Touch(st.Markets, StableHash.Fingerprint(DetectorSettings.MarketOf(position.Symbol)));
        }
    }
}
