using System.Globalization;

namespace TakeoverRules.Detection;

/// <summary>
/// Trading evidence on an order: liquidation bursts, sell-to-buy rotations, thin or low-priced instruments, first trades
/// in a market or segment, buying power used up, rising-price ladders, orders far above the account's history, unusual
/// hours, and the 2025 rotation pattern itself.
/// </summary>
internal static class TradingRules
{
    private static readonly string[] HourNames = [.. Enumerable.Range(0, 24).Select(h => h.ToString("00", CultureInfo.InvariantCulture) + ":00")];

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
            ctx.Found.Add(new Candidate(IndicatorId.OffHours, options.OffHoursPoints, share, options.OffHoursShare)
            {
                Subject = HourNames[hour],
                E3 = eventId,
            });
        }
    }

    /// <summary>A sell that brings the run's sold share of holdings to the liquidation share.</summary>
    public static void Sell(in DetectionContext ctx, OrderEvent e, double factor, IndicatorId? cause)
    {
        var st = ctx.State;
        var sold = AccountObservation.SoldShare(st);
        if (sold >= ctx.Options.LiquidationShare)
        {
            var since = factor > 0 ? st.Risk.Time : st.BurstFirstSellTime;
            ctx.Found.Add(new Candidate(IndicatorId.LiquidationBurst, ctx.Options.LiquidationPoints, sold, ctx.Options.LiquidationShare)
            {
                Minutes = DetectorSettings.Minutes(ctx.Time - since),
                Cause = factor > 0 ? cause : null,
                E1 = factor > 0 ? st.RiskId : null,
                E2 = st.Texts.Get(TextSlot.BurstFirstSell),
                E3 = e.Id,
            });
        }
    }

    /// <summary>The buy-side indicators; returns whether the instrument is thin for this order.</summary>
    public static bool Buy(in DetectionContext ctx, OrderEvent e, IInstrumentSource instruments, double notional, uint marketHash, bool matureOrders, double factor, IndicatorId? cause)
    {
        var st = ctx.State;
        var options = ctx.Options;
        var found = ctx.Found;
        var t = ctx.Time;
        var thin = false;
        double? price = e.Price is { } p ? (double)p : null;
        if (instruments.TryGet(e.Symbol, out var instrument))
        {
            var turnover = (double)instrument.AvgDailyTurnoverJpy;
            var large = notional >= options.ThinOrderShare * turnover;
            thin = turnover < options.ThinTurnoverJpy || large;
            if (thin)
            {
                // A customer who already trades thin stocks is judged by order size, not by the stock.
                var unfamiliarThin = !st.TradedThin || large;
                var points = options.ThinPoints + ((double)instrument.LastPriceJpy <= options.LowPriceJpy ? options.LowPricedExtraPoints : 0);
                var thinPoints = unfamiliarThin ? points : (int)Math.Round(points * options.FamiliarSegmentFactor);

                // "To the limit" in a thin stock: an order worth a large part of a whole day's trading.
                thinPoints += notional >= 10 * options.ThinOrderShare * turnover ? options.LowPricedExtraPoints * 2 : 0;
                found.Add(new Candidate(IndicatorId.ThinInstrument, thinPoints, turnover, options.ThinTurnoverJpy)
                {
                    Subject = e.Symbol,
                    AmountJpy = notional,
                    E3 = e.Id,
                    Weak = !unfamiliarThin,
                });
                if (matureOrders && !st.TradedThin)
                {
                    found.Add(new Candidate(IndicatorId.FirstTradeInSegment, options.FirstTradeInSegmentPoints, 1, 1) { Subject = Segments.Thin, E3 = e.Id });
                }
            }

            price ??= (double)instrument.LastPrice;
        }

        var newMarket = matureOrders && !AccountState.Contains(st.Markets, marketHash);
        if (newMarket)
        {
            found.Add(new Candidate(IndicatorId.FirstTradeInSegment, options.FirstTradeInSegmentPoints, 1, 1) { Subject = DetectorSettings.MarketOf(e.Symbol).ToString(), E3 = e.Id });
        }

        var newMargin = e.Margin == true && !st.UsedMargin && matureOrders;
        if (newMargin)
        {
            found.Add(new Candidate(IndicatorId.FirstTradeInSegment, options.FirstTradeInSegmentPoints + options.MarginExtraPoints, 1, 1)
            {
                Subject = Segments.Margin,
                E3 = e.Id,
            });
        }

        // Selling up and spending it all are what honest rebalancers do too; they point to a takeover when the money goes
        // somewhere thin or new to the account.
        var suspiciousTarget = thin || newMarket;
        var sold = AccountObservation.SoldShare(st);
        if (st.Texts.Has(TextSlot.BurstFirstSell) && sold >= options.RotationMinSoldShare)
        {
            found.Add(new Candidate(IndicatorId.SellToBuyRotation, suspiciousTarget ? options.RotationPoints : options.RotationPoints / 2, sold, options.RotationMinSoldShare)
            {
                Minutes = DetectorSettings.Minutes(t - st.BurstFirstSellTime),
                E1 = st.Texts.Get(TextSlot.BurstFirstSell),
                E2 = st.Texts.Get(TextSlot.BurstLastSell),
                E3 = e.Id,
                Weak = !suspiciousTarget,
            });
            if (suspiciousTarget && sold >= options.LiquidationShare)
            {
                found.Add(new Candidate(IndicatorId.LiquidationBurst, options.LiquidationPoints, sold, options.LiquidationShare)
                {
                    Minutes = DetectorSettings.Minutes(t - (factor > 0 ? st.Risk.Time : st.BurstFirstSellTime)),
                    Cause = factor > 0 ? cause : null,
                    E1 = factor > 0 ? st.RiskId : null,
                    E2 = st.Texts.Get(TextSlot.BurstFirstSell),
                    E3 = st.Texts.Get(TextSlot.BurstLastSell),
                });
            }
        }

        var available = st.AvailableJpy;
        if (available > 0 || st.BurstBuyJpy > 0)
        {
            var used = (st.BurstBuyJpy + notional) / (st.BurstBuyJpy + available);
            if (used >= options.BuyingPowerShare)
            {
                found.Add(new Candidate(IndicatorId.BuyingPowerExhausted, options.BuyingPowerPoints, used, options.BuyingPowerShare)
                {
                    Subject = e.Margin == true ? Segments.Margin : null,
                    E3 = e.Id,
                    Weak = !(suspiciousTarget || newMargin),
                });
            }
        }

        Ladder(ctx, e, price ?? (e.Quantity > 0 ? notional / e.Quantity : 0), weak: !thin);

        // The 2025 rotation: a risky login, most holdings sold, the proceeds into something thin or new to the account.
        if (factor > 0 && AccessRules.Points(st.Risk.Flags, options) >= options.UnfamiliarDevicePoints && sold >= options.LiquidationShare && suspiciousTarget)
        {
            found.Add(new Candidate(IndicatorId.RotationTypology, options.RotationTypologyPoints, sold, options.LiquidationShare)
            {
                Subject = e.Symbol,
                Minutes = DetectorSettings.Minutes(t - st.Risk.Time),
                Cause = cause,
                E1 = st.RiskId,
                E2 = st.Texts.Get(TextSlot.BurstFirstSell),
                E3 = e.Id,
            });
        }

        return thin;
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
            ctx.Found.Add(new Candidate(IndicatorId.RisingPriceLadder, options.LadderPoints, st.LadderCount, options.LadderMinBuys)
            {
                Subject = e.Symbol,
                Minutes = DetectorSettings.Minutes(t - st.LadderStart),
                E2 = st.Texts.Get(TextSlot.LadderFirst),
                E3 = e.Id,
                Weak = weak,
            });
        }
    }

    public static void Size(in DetectionContext ctx, OrderEvent e, double notional, bool matureOrders)
    {
        var st = ctx.State;
        var options = ctx.Options;
        if (matureOrders && st.MaxOrderJpy > 0 && notional >= options.SizeRatio * st.MaxOrderJpy)
        {
            ctx.Found.Add(new Candidate(IndicatorId.OrderSizeAboveHistory, options.SizePoints, notional / st.MaxOrderJpy, options.SizeRatio)
            {
                AmountJpy = notional,
                E3 = e.Id,
            });
        }
    }
}
