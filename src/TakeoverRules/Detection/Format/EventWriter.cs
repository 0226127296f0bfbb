using System.Text.Json;

namespace TakeoverRules.Detection.Format;

/// <summary>
/// Writes <see cref="AccountEvent"/>s as TakeoverRules event format v1 (JSON Lines, see <c>docs/event-format.md</c>):
/// <c>type</c>, <c>id</c>, <c>time</c> and <c>account</c> first, optional fields omitted when absent. What it writes,
/// <see cref="EventReader"/> reads back to equal events. Output is buffered; call <see cref="Flush"/> or
/// <see cref="Dispose"/>. Not thread-safe.
/// </summary>
public sealed class EventWriter : IDisposable
{
    private readonly JsonLinesOutput _output;

    /// <summary>Creates a writer over <paramref name="utf8Stream"/>.</summary>
    /// <param name="utf8Stream">Where the UTF-8 JSON Lines go.</param>
    /// <param name="leaveOpen">Whether <see cref="Dispose"/> leaves <paramref name="utf8Stream"/> open (default <see langword="false"/>).</param>
    public EventWriter(Stream utf8Stream, bool leaveOpen = false) => _output = new JsonLinesOutput(utf8Stream, leaveOpen);

    /// <summary>Writes one event as one line.</summary>
    /// <param name="accountEvent">The event.</param>
    public void Write(AccountEvent accountEvent)
    {
        ArgumentNullException.ThrowIfNull(accountEvent);
        var w = _output.BeginLine();
        w.WriteStartObject();
        w.WriteString("type"u8, WireValues.EventTypes[(int)accountEvent.Type]);
        w.WriteString("id"u8, accountEvent.Id);
        w.WriteString("time"u8, accountEvent.Time);
        w.WriteString("account"u8, accountEvent.Account);
        switch (accountEvent)
        {
            case LoginEvent e:
                w.WriteBoolean("success"u8, e.Success);
                w.WriteString("ip"u8, e.Ip);
                w.WriteString("device"u8, e.Device);
                WriteIfPresent(w, "country"u8, e.Country);
                WriteIfPresent(w, "asn"u8, e.Asn);
                WriteIfPresent(w, "hosting"u8, e.Hosting);
                w.WriteString("authMethod"u8, WireValues.AuthMethods[(int)e.AuthMethod]);
                w.WriteString("channel"u8, WireValues.Channels[(int)e.Channel]);
                break;
            case SettingChangedEvent e:
                w.WriteString("setting"u8, WireValues.Settings[(int)e.Setting]);
                WriteIfPresent(w, "enabled"u8, e.Enabled);
                break;
            case OrderEvent e:
                w.WriteString("orderId"u8, e.OrderId);
                w.WriteString("side"u8, WireValues.Sides[(int)e.Side]);
                w.WriteString("symbol"u8, e.Symbol);
                w.WriteNumber("quantity"u8, e.Quantity);
                WriteIfPresent(w, "price"u8, e.Price);
                w.WriteString("orderType"u8, WireValues.OrderTypes[(int)e.OrderType]);
                w.WriteNumber("notionalJpy"u8, e.NotionalJpy);
                WriteIfPresent(w, "margin"u8, e.Margin);
                WriteIfPresent(w, "buyingPowerJpy"u8, e.BuyingPowerJpy);
                break;
            case ExecutionEvent e:
                w.WriteString("orderId"u8, e.OrderId);
                w.WriteString("side"u8, WireValues.Sides[(int)e.Side]);
                w.WriteString("symbol"u8, e.Symbol);
                w.WriteNumber("quantity"u8, e.Quantity);
                w.WriteNumber("price"u8, e.Price);
                w.WriteNumber("notionalJpy"u8, e.NotionalJpy);
                break;
            case FxConversionEvent e:
                w.WriteString("fromCurrency"u8, e.FromCurrency);
                w.WriteString("toCurrency"u8, e.ToCurrency);
                w.WriteNumber("amountJpy"u8, e.AmountJpy);
                break;
            case WithdrawalRequestEvent e:
                w.WriteNumber("amountJpy"u8, e.AmountJpy);
                w.WriteString("destination"u8, e.Destination);
                break;
            case PortfolioEvent e:
                w.WriteStartArray("positions"u8);
                foreach (var p in e.Positions)
                {
                    w.WriteStartObject();
                    w.WriteString("symbol"u8, p.Symbol);
                    w.WriteNumber("quantity"u8, p.Quantity);
                    w.WriteNumber("valueJpy"u8, p.ValueJpy);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteNumber("cashJpy"u8, e.CashJpy);
                w.WriteNumber("buyingPowerJpy"u8, e.BuyingPowerJpy);
                break;
            default:
                throw new ArgumentException($"Event type {accountEvent.GetType().Name} is not part of event format v1.", nameof(accountEvent));
        }

        w.WriteEndObject();
        _output.EndLine();
    }

    /// <summary>Writes buffered lines to the stream and flushes it.</summary>
    public void Flush() => _output.Flush();

    /// <summary>Flushes and releases the writer and, unless left open, the stream.</summary>
    public void Dispose() => _output.Dispose();

    private static void WriteIfPresent(Utf8JsonWriter w, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteIfPresent(Utf8JsonWriter w, ReadOnlySpan<byte> name, bool? value)
    {
        if (value is { } b)
        {
            w.WriteBoolean(name, b);
        }
    }

    private static void WriteIfPresent(Utf8JsonWriter w, ReadOnlySpan<byte> name, decimal? value)
    {
        if (value is { } d)
        {
            w.WriteNumber(name, d);
        }
    }
}
