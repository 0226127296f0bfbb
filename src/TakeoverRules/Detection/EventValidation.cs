namespace TakeoverRules.Detection;

/// <summary>
/// Checks an event from the typed API before the detector touches any state, so an event that fails leaves no trace
/// (not even its id: a corrected retry of the same id is judged, not ignored as a duplicate).
/// </summary>
internal static class EventValidation
{
    /// <exception cref="ArgumentException">A required field is missing; the message names it.</exception>
    public static void Validate(AccountEvent e)
    {
        Require(e.Id, "id");
        Require(e.Account, "account");
        switch (e)
        {
            case LoginEvent login:
                Require(login.Ip, "ip");
                Require(login.Device, "device");
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
                }

                break;
        }

        void Require(string? value, string field)
        {
            if (string.IsNullOrEmpty(value))
            {
                throw Missing(e, field);
            }
        }
    }

    private static ArgumentException Missing(AccountEvent e, string field) =>
        new($"{e.Type} event '{e.Id}' has no {field}; it was not applied", field);
}
