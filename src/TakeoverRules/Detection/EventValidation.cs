using System.Globalization;

namespace TakeoverRules.Detection;

/// <summary>
/// Checks an event from the typed API before the detector touches any state, so an event that fails leaves no trace
/// (not even its id: a corrected retry of the same id is judged, not ignored as a duplicate).
/// </summary>
internal static class EventValidation
{
    /// <exception cref="ArgumentException">A required field is missing, or a text is longer than <paramref name="maxLength"/>; the message names the field.</exception>
    public static void Validate(AccountEvent e, int maxLength)
    {
        Require(e.Id, "id");
        Require(e.Account, "account");
        switch (e)
        {
            case LoginEvent login:
                Require(login.Ip, "ip");
                Require(login.Device, "device");
                Bound(login.Country, "country");
                Bound(login.Asn, "asn");
                break;
            case OrderEvent order:
                Require(order.OrderId, "orderId");
                Require(order.Symbol, "symbol");
                break;
            case ExecutionEvent execution:
                Require(execution.OrderId, "orderId");
                Require(execution.Symbol, "symbol");
                break;
            case FxConversionEvent fx:
                Require(fx.FromCurrency, "fromCurrency");
                Require(fx.ToCurrency, "toCurrency");
                break;
            case WithdrawalRequestEvent withdrawal:
                Require(withdrawal.Destination, "destination");
                break;
            case PortfolioEvent portfolio:
                if (portfolio.Positions is null)
                {
                    throw Missing(e, "positions");
                }

                for (var i = 0; i < portfolio.Positions.Count; i++)
                {
                    if (portfolio.Positions[i].Symbol is not { Length: > 0 })
                    {
                        throw Missing(e, $"positions[{i}].symbol");
                    }

                    Bound(portfolio.Positions[i].Symbol, $"positions[{i}].symbol");
                }

                break;
        }

        void Require(string? value, string field)
        {
            if (string.IsNullOrEmpty(value))
            {
                throw Missing(e, field);
            }

            Bound(value, field);
        }

        // Every text the detector may keep (an id, a device) is capped, so untrusted ids cannot grow its memory.
        void Bound(string? value, string field)
        {
            if (value is { Length: var length } && length > maxLength)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{e.Type} event '{Shown(e.Id)}': {field} has {length} characters, more than MaxIdLength ({maxLength}); it was not applied"), field);
            }
        }
    }

    private static ArgumentException Missing(AccountEvent e, string field) =>
        new($"{e.Type} event '{Shown(e.Id)}' has no {field}; it was not applied", field);

    /// <summary>An id as a message shows it: an over-long one cut, so the message stays short.</summary>
    private static string? Shown(string? id) => id is { Length: > 64 } ? string.Concat(id.AsSpan(0, 64), "…") : id;
}
