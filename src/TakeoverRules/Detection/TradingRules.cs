using System.Globalization;

namespace TakeoverRules.Detection;

/// <summary>
/// Trading evidence on an order, each trait weighed against this customer's own habit: thin or low-priced names, buying
/// power used up, buys after selling most holdings (in this run or over the last days), margin, a new market, several
/// thin names in one run, rising-price ladders, orders far above history, unusual hours, and the full 2025 rotation.
/// </summary>
internal static class TradingRules
{
    private static readonly string[] HourNames = [.. Enumerable.Range(0, 24).Select(h => h.ToString("00", CultureInfo.InvariantCulture) + ":00")];

    /// <summary>Sold share at which a sell-to-buy rotation counts in full (the 2025 attackers sold 85–100 %).</summary>
    private const double FullRotationShare = 0.85;

    /// <summary>What margin buys can spend per yen of cash buying power: Japan requires 30 % collateral (委託保証金率), so about 3.3×.</summary>
    private const double MarginLeverage = 1 / 0.3;

    public static void OffHours(in DetectionContext ctx, string eventId, int hour)
    {
        var st = ctx.State;
        var options = ctx.Options;
        if (st.HourTotal < options.OffHoursMinEvents)
        {
            return;
        }

        var near = st.Hours[hour] + st.Hours[(hour + 23) % 24] + st.Hours[(hour + 1) % 24];
        var share = near / (double)st.HourTotal;
        if (share < options.OffHoursShare)
        {
            ctx.Found.Add(new Candidate(IndicatorId.OffHours, EvidenceModel.OffHours, share, options.OffHoursShare)
            {
                Subject = HourNames[hour],
                E3 = eventId,
            });
        }
    }

    /// <summary>Whether a name is thin or low-priced whatever the order: little daily turnover, or a price at or below the low-price line.</summary>
    public static bool IsThin(Instrument instrument, DetectorOptions options) =>
        (double)instrument.AvgDailyTurnoverJpy < options.ThinTurnoverJpy || (double)instrument.LastPriceJpy <= options.LowPriceJpy;

    /// <summary>Whether a buy is thin for what it is: a thin name, or an order worth a large share of the name's daily trading.</summary>
    public static bool IsThinBuy(Instrument instrument, double notional, DetectorOptions options) =>
        IsLargeFor(instrument, notional, options) || IsThin(instrument, options);

    private static bool IsLargeFor(Instrument instrument, double notional, DetectorOptions options) =>
        notional >= options.ThinOrderShare * (double)instrument.AvgDailyTurnoverJpy;

    /// <summary>A sell that brings the run's sold share of holdings to the liquidation share (evidence for review, never a hold on its own).</summary>
    public static void Sell(in DetectionContext ctx, OrderEvent e, double factor, IndicatorId? cause)
    {
        var st = ctx.State;
        var sold = AccountObservation.SoldShare(st);
        if (sold >= ctx.Options.LiquidationShare)
        {
            var since = factor > 0 ? st.Risk.Time : st.BurstFirstSellTime;
            ctx.Found.Add(new Candidate(IndicatorId.LiquidationBurst, EvidenceModel.LiquidationExtra * 2, sold, ctx.Options.LiquidationShare)
            {
                Minutes = DetectorSettings.Minutes(ctx.Time - since),
                Cause = factor > 0 ? cause : null,
                E1 = factor > 0 ? st.RiskId : null,
                E2 = st.Texts.Get(TextSlot.BurstFirstSell),
                E3 = e.Id,
            });
        }
    }

    /// <summary>The buy-side indicators; returns the traits of this buy for the customer's profile.</summary>
    public static BuyTraits Buy(in DetectionContext ctx, OrderEvent e, IInstrumentSource instruments, double notional, uint marketHash, double factor, IndicatorId? cause)
    {
        var st = ctx.State;
        var options = ctx.Options;
        var found = ctx.Found;
        var t = ctx.Time;
        var profile = st.RunProfile;
        var thin = false;
        var thinEvidence = 0.0;
        var symbolHash = StableHash.Fingerprint(e.Symbol);
        var newSymbol = !AccountState.Contains(st.Symbols, symbolHash);
        double? price = e.Price is { } p ? (double)p : null;
        if (instruments.TryGet(e.Symbol, out var instrument))
        {
            var turnover = (double)instrument.AvgDailyTurnoverJpy;
            var large = IsLargeFor(instrument, notional, options);
            thin = IsThinBuy(instrument, notional, options);
            if (thin)
            {
                var rate = profile.ThinRate();
                var llr = EvidenceModel.Llr(EvidenceModel.AttackThin, rate);

                // Many honest customers trade small caps; the 2025 targets were far thinner and low-priced. Below a fifth
                // of the thin line (or an order that is a large share of a day's trading) counts in full, above it half.
                var veryThin = large || turnover < options.ThinTurnoverJpy / 5;
                var lowPriced = (double)instrument.LastPriceJpy <= options.LowPriceJpy;
                llr *= veryThin ? 1 : lowPriced ? 0.7 : 0.4;

                // A thin name the customer already owns or traded is their habit; a new one is what attackers pick.
                llr *= newSymbol ? 1 : 0.5;

                // "To the limit" in a thin stock: an order worth a large part of a whole day's trading.
                llr += notional >= 10 * options.ThinOrderShare * turnover ? EvidenceModel.ToTheLimitExtra : 0;
                thinEvidence = llr;
                found.Add(new Candidate(IndicatorId.ThinInstrument, llr, turnover, options.ThinTurnoverJpy)
                {
                    Subject = e.Symbol,
                    AmountJpy = notional,
                    E3 = e.Id,
                    Baseline = rate,
                });
            }

            price ??= (double)instrument.LastPrice;
        }

        var knownCustomer = profile.Buys >= options.BaselineMinOrders;
        var newMarket = !AccountState.Contains(st.Markets, marketHash);
        if (newMarket && knownCustomer)
        {
            found.Add(new Candidate(IndicatorId.FirstTradeInSegment, EvidenceModel.FirstMarket * EvidenceModel.Confidence(profile.Buys), 1, 1)
            {
                Subject = DetectorSettings.MarketOf(e.Symbol).ToString(),
                E3 = e.Id,
            });
        }

        var margin = e.Margin == true;
        if (margin)
        {
            var rate = EvidenceModel.Rate(profile.MarginBuys, profile.Buys, EvidenceModel.PopulationMargin);
            var llr = EvidenceModel.Llr(EvidenceModel.AttackMargin, rate);
            if (llr > 0)
            {
                found.Add(new Candidate(IndicatorId.FirstTradeInSegment, llr, 1, 1) { Subject = Segments.Margin, E3 = e.Id, Baseline = rate });
            }
        }

        var sold = AccountObservation.RecentSoldShare(st, t);
        var rotation = sold >= options.RotationMinSoldShare;
        if (rotation)
        {
            var rate = EvidenceModel.Rate(profile.RotationBuys, profile.Buys, EvidenceModel.PopulationRotation);
            var llr = EvidenceModel.Llr(EvidenceModel.AttackRotation, rate) + (sold >= options.LiquidationShare ? EvidenceModel.LiquidationExtra : 0);

            // Rebalancers sell a part; the 2025 attackers sold nearly everything. Weighed by how much was sold.
            llr *= Math.Clamp((sold - options.RotationMinSoldShare) / (FullRotationShare - options.RotationMinSoldShare), 0.25, 1);

            // Selling up to buy blue chips is what honest rebalancers do; it points to a takeover when the money goes somewhere thin or new.
            llr *= thin || newMarket ? 1 : 0.3;
            found.Add(new Candidate(IndicatorId.SellToBuyRotation, llr, sold, options.RotationMinSoldShare)
            {
                Minutes = st.BurstFirstSellTime != 0 ? DetectorSettings.Minutes(t - st.BurstFirstSellTime) : null,
                E1 = st.Texts.Get(TextSlot.BurstFirstSell),
                E2 = st.Texts.Get(TextSlot.BurstLastSell),
                E3 = e.Id,
                Baseline = rate,
            });
        }

        var highUse = false;
        var available = st.AvailableJpy;
        if (available > 0 || st.BurstBuyJpy > 0)
        {
            // Reported buying power is cash; a margin buy may use about 3.3 times the collateral (a 30 % margin requirement).
            var used = (st.BurstBuyJpy + notional) / ((st.BurstBuyJpy + available) * (margin ? MarginLeverage : 1));
            highUse = used >= options.BuyingPowerShare;
            if (highUse)
            {
                var rate = EvidenceModel.Rate(profile.HighUseBuys, profile.Buys, EvidenceModel.PopulationHighUse);
                found.Add(new Candidate(IndicatorId.BuyingPowerExhausted, EvidenceModel.Llr(EvidenceModel.AttackHighUse, rate) * (thin || newMarket || margin ? 1 : 0.3), used, options.BuyingPowerShare)
                {
                    Subject = margin ? Segments.Margin : null,
                    E3 = e.Id,
                    Baseline = rate,
                });
            }
        }

        if (thin)
        {
            Split(ctx, e, symbolHash);
        }

        Ladder(ctx, e, price ?? (e.Quantity > 0 ? notional / e.Quantity : 0), weak: !thin);

        // The 2025 rotation, whole: most holdings sold and the proceeds spent on a thin name, to the limit or inside a risky session.
        // Only when the thin buy is itself unlike this customer: a low-priced speculator who rotates into thin names every
        // month shows the shape without the surprise, and the shape alone must not add evidence their habit has discounted.
        if (thin && thinEvidence >= EvidenceModel.UnlikeCustomer && sold >= options.LiquidationShare && (highUse || factor > 0))
        {
            found.Add(new Candidate(IndicatorId.RotationTypology, EvidenceModel.LiquidationExtra, sold, options.LiquidationShare)
            {
                Subject = e.Symbol,
                Minutes = factor > 0 ? DetectorSettings.Minutes(t - st.Risk.Time) : null,
                Cause = factor > 0 ? cause : null,
                E1 = factor > 0 ? st.RiskId : null,
                E2 = st.Texts.Get(TextSlot.BurstFirstSell),
                E3 = e.Id,
            });
        }

        return new BuyTraits(thin, highUse, rotation, margin, symbolHash);
    }

    /// <summary>Several different thin names in one run: the money spread so no single order stands out.</summary>
    private static void Split(in DetectionContext ctx, OrderEvent e, uint symbolHash)
    {
        var st = ctx.State;
        if (!AccountState.Contains(st.RunThinSymbols, symbolHash))
        {
            AccountState.Touch(st.RunThinSymbols, symbolHash);
            st.RunThinCount++;
        }

        if (st.RunThinCount >= 2)
        {
            var rate = st.RunProfile.ThinRate();
            var llr = Math.Min(EvidenceModel.SplitMax, EvidenceModel.SplitPerExtraName * (st.RunThinCount - 1)) * (1 - Math.Min(1, rate * 2));
            if (llr > 0.05)
            {
                ctx.Found.Add(new Candidate(IndicatorId.SeveralThinNames, llr, st.RunThinCount, 2) { Subject = e.Symbol, E3 = e.Id, Baseline = rate });
            }
        }
    }

    private static void Ladder(in DetectionContext ctx, OrderEvent e, double price, bool weak)
    {
        var st = ctx.State;
        var options = ctx.Options;
        var t = ctx.Time;
        var symbol = StableHash.Of(e.Symbol);
        if (st.LadderSymbol == symbol && t - st.LadderStart <= ctx.Settings.LadderWindow && price >= st.LadderLastPrice)
        {
            st.LadderCount++;
            st.LadderLastPrice = price;
        }
        else
        {
            st.LadderSymbol = symbol;
            st.LadderStart = t;
            st.LadderCount = 1;
            st.LadderFirstPrice = price;
            st.LadderLastPrice = price;
            st.Texts.Set(TextSlot.LadderFirst, e.Id);
        }

        if (st.LadderCount >= options.LadderMinBuys && st.LadderLastPrice > st.LadderFirstPrice)
        {
            ctx.Found.Add(new Candidate(IndicatorId.RisingPriceLadder, EvidenceModel.Ladder * (weak ? 0.3 : 1), st.LadderCount, options.LadderMinBuys)
            {
                Subject = e.Symbol,
                Minutes = DetectorSettings.Minutes(t - st.LadderStart),
                E2 = st.Texts.Get(TextSlot.LadderFirst),
                E3 = e.Id,
            });
        }
    }

    public static void Size(in DetectionContext ctx, OrderEvent e, double notional)
    {
        var st = ctx.State;
        var options = ctx.Options;
        if (st.Orders >= options.BaselineMinOrders && st.MaxOrderJpy > 0 && notional >= options.SizeRatio * st.MaxOrderJpy)
        {
            ctx.Found.Add(new Candidate(IndicatorId.OrderSizeAboveHistory, EvidenceModel.SizeAboveHistory, notional / st.MaxOrderJpy, options.SizeRatio)
            {
                AmountJpy = notional,
                E3 = e.Id,
            });
        }
    }
}

/// <summary>What a buy had that the customer's trading habits count.</summary>
internal readonly record struct BuyTraits(bool Thin, bool HighUse, bool Rotation, bool Margin, uint Symbol);
