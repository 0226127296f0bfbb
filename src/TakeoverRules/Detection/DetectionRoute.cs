namespace TakeoverRules.Detection;

/// <summary>
/// One event's way through the detector, in order: observe what the event says about the account's present, evaluate
/// it with the rule families, decide with the <see cref="DecisionPolicy"/>, then learn from it. Not thread-safe: the
/// detector calls it under its lock, and the candidate buffer is the only scratch space, emptied per event.
/// </summary>
internal sealed class DetectionRoute(DetectorSettings settings, IInstrumentSource instruments)
{
    private readonly CandidateBuffer _found = new();
    private readonly DecisionPolicy _policy = new(settings.Options);

    public CrossAccountRules CrossAccount { get; } = new(settings);

    /// <summary>Whether deciding <paramref name="e"/> reads its symbol's convergence window (a buy of a thin instrument).</summary>
    public bool ReadsConvergence(OrderEvent e) => CrossAccountRules.ReadsWindow(e, instruments, settings.Options);

    public Decision Route(AccountState st, AccountEvent e, long t)
    {
        _found.Clear();
        var ctx = new DetectionContext(st, t, settings, _found);
        return e switch
        {
            OrderEvent order => Order(ctx, order),
            LoginEvent login => Login(ctx, login),
            SettingChangedEvent setting => Setting(ctx, setting),
            WithdrawalRequestEvent withdrawal => Withdrawal(ctx, withdrawal),
            PortfolioEvent portfolio => Portfolio(ctx, portfolio),
            ExecutionEvent execution => Execution(ctx, execution),
            _ => new Decision(e.Id, e.Account, e.Time, e.Type, DecisionKind.Allow, 0, null),
        };
    }

    private Decision Login(in DetectionContext ctx, LoginEvent e)
    {
        var st = ctx.State;
        if (!e.Success)
        {
            AccountObservation.FailedLogin(st, e, ctx.Time, settings);
            return new Decision(e.Id, e.Account, e.Time, e.Type, DecisionKind.Allow, 0, null);
        }

        var login = AccessRules.Assess(ctx, e, out var traits);
        AccountObservation.SuccessfulLogin(st, ctx.Time, e.Channel, e.Device);
        AccessRules.UpdateSession(ctx, login);
        AccessRules.Cite(ctx, login, 1);
        var decision = Decide(ctx, e, canHold: false, out _);
        ProfileLearning.Login(st, ctx.Time, settings.LocalHour(ctx.Time), traits);
        return decision;
    }

    private Decision Setting(in DetectionContext ctx, SettingChangedEvent e)
    {
        SettingsRules.Record(ctx.State, e, ctx.Time);
        var factor = settings.SessionFactor(ctx.State, ctx.Time);
        AccessRules.CiteSession(ctx, factor);
        SettingsRules.CiteActive(ctx, factor);
        return Decide(ctx, e, canHold: true, out _);
    }

    private Decision Order(in DetectionContext ctx, OrderEvent e)
    {
        var st = ctx.State;
        var t = ctx.Time;
        var options = settings.Options;
        var notional = (double)e.NotionalJpy;

        // Observe.
        AccountObservation.Order(st, e, t, settings);
        var resumed = AccountObservation.SessionOrder(st, t, settings);
        var factor = settings.SessionFactor(st, t);
        var cause = AccessRules.Cause(st.Risk.Flags);
        var hour = settings.LocalHour(t);
        var marketHash = StableHash.Fingerprint(DetectorSettings.MarketOf(e.Symbol));

        // Evaluate.
        AccessRules.StaleSession(ctx, e, factor, resumed);
        AccessRules.CiteSession(ctx, factor);
        SettingsRules.CiteActive(ctx, factor);
        TradingRules.OffHours(ctx, e.Id, hour);
        BuyTraits buy = default;
        if (e.Side == OrderSide.Sell)
        {
            AccountObservation.Sell(st, e, t, notional);
            TradingRules.Sell(ctx, e, factor, cause);
        }
        else
        {
            buy = TradingRules.Buy(ctx, e, instruments, notional, marketHash, factor, cause);
            if (buy.Thin)
            {
                CrossAccount.CiteRamp(ctx, e);
            }
        }

        TradingRules.Size(ctx, e, notional);

        // Decide.
        var decision = Decide(ctx, e, canHold: e.Side == OrderSide.Buy || options.HoldSells, out var session);

        // Learn.
        if (e.Side == OrderSide.Buy)
        {
            AccountObservation.Buy(st, notional);
            // Only accounts with evidence of their own count towards a ramp, so honest herding does not feed itself.
            if (buy.Thin && decision.Risk >= options.ReviewThreshold && session >= options.MinSessionEvidence)
            {
                CrossAccount.Report(e, t);
            }
        }

        ProfileLearning.Order(st, e, t, decision, session, options.MinSessionEvidence, notional, marketHash, buy, hour, resumed);
        return decision;
    }

    private Decision Decide(in DetectionContext ctx, AccountEvent e, bool canHold, out double session)
    {
        var st = ctx.State;
        var exposure = st.HoldingsJpy + st.AvailableJpy;
        // The detector knows a customer from a few buys, or from a few more logins (a holder who rarely trades).
        var known = st.Profile.Buys >= settings.Options.KnownCustomerBuys;
        return _policy.Decide(e, _found, canHold, exposure, known, out session);
    }

    private Decision Withdrawal(in DetectionContext ctx, WithdrawalRequestEvent e)
    {
        var factor = settings.SessionFactor(ctx.State, ctx.Time);
        AccessRules.CiteSession(ctx, factor);
        SettingsRules.CiteActive(ctx, factor);
        var destination = StableHash.Fingerprint(e.Destination);
        var withdrawalChanged = FundsRules.Withdrawal(ctx, e, destination, factor);
        var decision = Decide(ctx, e, canHold: true, out _);
        ProfileLearning.Withdrawal(ctx.State, ctx.Time, decision, factor, withdrawalChanged, destination);
        return decision;
    }

    private static Decision Execution(in DetectionContext ctx, ExecutionEvent e)
    {
        AccountObservation.Execution(ctx.State, e);
        return new Decision(e.Id, e.Account, e.Time, e.Type, DecisionKind.Allow, 0, null);
    }

    private Decision Portfolio(in DetectionContext ctx, PortfolioEvent e)
    {
        ProfileLearning.Portfolio(ctx.State, e, settings.SessionFactor(ctx.State, ctx.Time), instruments, settings.Options);
        AccountObservation.Portfolio(ctx.State, e, ctx.Time, settings);
        return new Decision(e.Id, e.Account, e.Time, e.Type, DecisionKind.Allow, 0, null);
    }
}
