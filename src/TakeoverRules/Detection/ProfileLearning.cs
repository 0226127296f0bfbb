namespace TakeoverRules.Detection;

/// <summary>
/// The last step of the route: what the account's baseline learns from an event once it has been decided. Only clean
/// activity is learned, so an attacker's session never becomes the customer's baseline.
/// </summary>
internal static class ProfileLearning
{
    public static void Login(AccountState st, long t, int hour, in LoginTraits traits)
    {
        st.Profile.CountLogin(traits.NewDevice, traits.NewAsn, traits.NewBlock, traits.Abroad, traits.Hosting);
        st.Logins++;
        st.LastActivity = Math.Max(st.LastActivity, t);
        st.CountHour(hour);
    }

    /// <summary>
    /// Learns the order once decided: a held order marks the account (new values stay in quarantine); an order outside
    /// a risky session counts into the customer's trading habits.
    /// </summary>
    public static void Order(AccountState st, OrderEvent e, long t, Decision decision, double session, double minSession, double notional, uint marketHash, in BuyTraits buy, int hour, bool? resumedSession)
    {
        if (decision.Kind >= DecisionKind.Hold)
        {
            st.LastHold = t;
            return;
        }

        // An order that went through from a device in quarantine: the device is in use, and may become familiar.
        st.PendingDeviceUsed |= st.PendingDevice != 0 && st.SessionDevice == st.PendingDevice;

        if (session >= minSession)
        {
            return;
        }

        st.Orders++;
        if (resumedSession is { } resumed)
        {
            st.Profile.CountSessionOrder(resumed);
        }

        st.MaxOrderJpy = Math.Max(st.MaxOrderJpy, notional);
        AccountState.Touch(st.Markets, marketHash);
        st.LastActivity = Math.Max(st.LastActivity, t);
        st.CountHour(hour);
        if (e.Side == OrderSide.Buy)
        {
            st.Profile.CountBuy(buy.Thin, buy.HighUse, buy.Rotation, buy.Margin);
            AccountState.Touch(st.Symbols, buy.Symbol);
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
    public static void Portfolio(AccountState st, PortfolioEvent e, double factor, IInstrumentSource instruments, DetectorOptions options)
    {
        if (factor != 0)
        {
            return;
        }

        foreach (var position in e.Positions)
        {
            AccountState.Touch(st.Markets, StableHash.Fingerprint(DetectorSettings.MarketOf(position.Symbol)));
            var symbol = StableHash.Fingerprint(position.Symbol);
            if (!AccountState.Contains(st.Symbols, symbol) && instruments.TryGet(position.Symbol, out var instrument))
            {
                // What a customer holds is what they bought: a book of thin names is a speculator's, so a cold start
                // knows the customer's habit from the first snapshot.
                st.Profile.CountHeld(TradingRules.IsThin(instrument, options));
            }

            AccountState.Touch(st.Symbols, symbol);
        }
    }
}
