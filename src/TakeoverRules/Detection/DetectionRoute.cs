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

        var login = AccessRules.Assess(ctx, e);
        AccountObservation.SuccessfulLogin(st);
        ProfileLearning.Login(st, ctx.Time, settings.LocalHour(ctx.Time));
        AccessRules.UpdateSession(ctx, login);
        AccessRules.Cite(ctx, login, 1);
        return _policy.Decide(e, _found, canHold: false);
    }

    private Decision Setting(in DetectionContext ctx, SettingChangedEvent e)
    {
        SettingsRules.Record(ctx.State, e, ctx.Time);
        var factor = settings.SessionFactor(ctx.State, ctx.Time);
        AccessRules.CiteSession(ctx, factor);
        SettingsRules.CiteActive(ctx, factor);
        return _policy.Decide(e, _found, canHold: true);
    }

    private Decision Order(in DetectionContext ctx, OrderEvent e)
    {
        var st = ctx.State;
        var t = ctx.Time;
        var options = settings.Options;
        var notional = (double)e.NotionalJpy;

        // Observe.
        AccountObservation.Order(st, e, t, settings);
        var factor = settings.SessionFactor(st, t);
        var cause = AccessRules.Cause(st.Risk.Flags);
        var hour = settings.LocalHour(t);
        var marketHash = StableHash.Fingerprint(DetectorSettings.MarketOf(e.Symbol));
        var matureOrders = st.Orders >= options.BaselineMinOrders;

        // Evaluate.
        AccessRules.CiteSession(ctx, factor);
        SettingsRules.CiteActive(ctx, factor);
        TradingRules.OffHours(ctx, e.Id, hour);
        var thin = false;
        if (e.Side == OrderSide.Sell)
        {
            AccountObservation.Sell(st, e, t, notional);
            TradingRules.Sell(ctx, e, factor, cause);
        }
        else
        {
            thin = TradingRules.Buy(ctx, e, instruments, notional, marketHash, matureOrders, factor, cause);
            if (thin)
            {
                CrossAccount.CiteRamp(ctx, e);
            }
        }

        TradingRules.Size(ctx, e, notional, matureOrders);

        // Decide.
        var decision = _policy.Decide(e, _found, canHold: e.Side == OrderSide.Buy || options.HoldSells);

        // Learn.
        if (e.Side == OrderSide.Buy)
        {
            AccountObservation.Buy(st, notional);
            // Only accounts with evidence of their own count towards a ramp, so honest herding does not feed itself.
            if (thin && decision.Risk >= options.ReviewThreshold && (factor > 0 || settings.AnySettingActive(st, t)))
            {
                CrossAccount.Report(e, t);
            }
        }

        ProfileLearning.Order(st, e, t, decision, factor, notional, marketHash, thin, hour);
        return decision;
    }

    private Decision Withdrawal(in DetectionContext ctx, WithdrawalRequestEvent e)
    {
        var factor = settings.SessionFactor(ctx.State, ctx.Time);
        AccessRules.CiteSession(ctx, factor);
        SettingsRules.CiteActive(ctx, factor);
        var destination = StableHash.Fingerprint(e.Destination);
        var withdrawalChanged = FundsRules.Withdrawal(ctx, e, destination, factor);
        var decision = _policy.Decide(e, _found, canHold: true);
        ProfileLearning.Withdrawal(ctx.State, ctx.Time, decision, factor, withdrawalChanged, destination);
        return decision;
    }

    private Decision Portfolio(in DetectionContext ctx, PortfolioEvent e)
    {
        ProfileLearning.Portfolio(ctx.State, e, settings.SessionFactor(ctx.State, ctx.Time));
        AccountObservation.Portfolio(ctx.State, e, ctx.Time, settings);
        return new Decision(e.Id, e.Account, e.Time, e.Type, DecisionKind.Allow, 0, null);
    }
}
