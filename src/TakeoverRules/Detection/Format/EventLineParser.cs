using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;

namespace TakeoverRules.Detection.Format;

/// <summary>
/// Parses one line of TakeoverRules event format v1 with a <see cref="Utf8JsonReader"/> straight into an
/// <see cref="AccountEvent"/>: no DOM, no reflection, and no allocation beyond the event and its strings. Every data
/// problem becomes an <see cref="EventFormatError"/>; the reader's own exceptions for malformed JSON are caught here
/// and turned into one, so nothing escapes for bad data. A fresh value per line; not thread-safe.
/// </summary>
internal struct EventLineParser
{
    /// <summary>Events are flat apart from <c>positions</c>; deeper nesting is hostile or a mistake, never an event.</summary>
    private const int MaxDepth = 8;

    private const int MaxShortValueBytes = FieldReader.MaxShortValueBytes;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxDepth };

    private static readonly ulong[] Required = BuildRequired();
    private static readonly ulong[] Allowed = BuildAllowed();

    private readonly InternTable? _values;
    private FieldReader _r;
    private ulong _seen;
    private string? _currentField;

    private string? _id, _account, _ip, _device, _country, _asn, _orderId, _symbol, _fromCurrency, _toCurrency, _destination;
    private DateTimeOffset _time;
    private bool _success;
    private bool? _hosting, _enabled, _margin;
    private AuthMethod _authMethod;
    private LoginChannel _channel;
    private AccountSetting _setting;
    private OrderSide _side;
    private OrderType _orderType;
    private long _quantity;
    private decimal? _price, _buyingPower;
    private decimal _notional, _amount, _cash;
    private List<Position>? _positions;

    private enum Field
    {
        Type, Id, Time, Account,
        Success, Ip, Device, Country, Asn, Hosting, AuthMethod, Channel,
        Setting, Enabled,
        OrderId, Side, Symbol, Quantity, Price, OrderType, NotionalJpy, Margin, BuyingPowerJpy,
        FromCurrency, ToCurrency, AmountJpy, Destination,
        Positions, CashJpy,
        Unknown,
    }

    private static readonly string[] FieldNames =
    [
        "type", "id", "time", "account",
        "success", "ip", "device", "country", "asn", "hosting", "authMethod", "channel",
        "setting", "enabled",
        "orderId", "side", "symbol", "quantity", "price", "orderType", "notionalJpy", "margin", "buyingPowerJpy",
        "fromCurrency", "toCurrency", "amountJpy", "destination",
        "positions", "cashJpy",
    ];

    /// <summary>A parser that takes recurring values (symbols, countries, networks, currencies) from <paramref name="values"/> when given.</summary>
    public EventLineParser(InternTable? values) => _values = values;

    public ReadResult<AccountEvent> Parse(ReadOnlySpan<byte> utf8, long line)
    {
        _r.Line = line;
        if (!Utf8.IsValid(utf8))
        {
            return Failure(null, null, string.Create(CultureInfo.InvariantCulture, $"is not valid UTF-8 (first bad byte at column {FieldReader.FirstInvalidByte(utf8) + 1})"));
        }

        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        AccountEventType type;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return Failure(null, FieldReader.Snippet(ref reader), "must be a JSON object (one event per line)");
            }

            if (!TryFindType(reader, out type))
            {
                return ReadResult<AccountEvent>.Failure(_r.Error!);
            }

            var allowed = Allowed[(int)type];
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = FieldOf(ref reader);
                _currentField = field == Field.Unknown ? null : FieldNames[(int)field];
                reader.Read();
                if (field == Field.Unknown || (allowed & Bit(field)) == 0)
                {
                    // Unknown fields, and fields of other event types, are ignored so producers can add to the format.
                    reader.Skip();
                    _currentField = null;
                    continue;
                }

                if ((_seen & Bit(field)) != 0)
                {
                    return Failure(FieldNames[(int)field], FieldReader.Snippet(ref reader), "appears more than once; each field may appear once per event");
                }

                _seen |= Bit(field);
                if (!ReadValue(ref reader, field, type))
                {
                    return ReadResult<AccountEvent>.Failure(_r.Error!);
                }

                _currentField = null;
            }

            // The reader throws on anything but whitespace after the object.
            reader.Read();
        }
        catch (JsonException ex)
        {
            return Failure(_currentField, null, FieldReader.DescribeJsonError(ex));
        }

        return Build(type);
    }

    private bool TryFindType(Utf8JsonReader reader, out AccountEventType type)
    {
        // A copy of the reader scans ahead so that "type" may appear anywhere in the object; writers put it first,
        // which makes this scan one property long in practice.
        type = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isType = FieldOf(ref reader) == Field.Type;
            reader.Read();
            if (!isType)
            {
                reader.Skip();
                continue;
            }

            if (!_r.TryReadEnum(ref reader, "type", Vocabulary.EventType, out var index))
            {
                return false;
            }

            type = (AccountEventType)index;
            return true;
        }

        _r.Error = _r.MakeError("type", null, "is required: one of " + string.Join(", ", WireValues.EventTypes));
        return false;
    }

    private bool ReadValue(ref Utf8JsonReader reader, Field field, AccountEventType type)
    {
        var name = FieldNames[(int)field];
        switch (field)
        {
            case Field.Type:
                return true;
            case Field.Id:
                return _r.TryReadString(ref reader, name, out _id);
            case Field.Account:
                return _r.TryReadString(ref reader, name, out _account);
            case Field.Ip:
                return _r.TryReadString(ref reader, name, out _ip);
            case Field.Device:
                return _r.TryReadString(ref reader, name, out _device);
            case Field.OrderId:
                return _r.TryReadString(ref reader, name, out _orderId);
            case Field.Destination:
                return _r.TryReadString(ref reader, name, out _destination);
            case Field.Time:
                return _r.TryReadTime(ref reader, name, out _time);
            case Field.Success:
                return _r.TryReadBool(ref reader, name, out _success);
            case Field.Hosting:
                return _r.TryReadOptionalBool(ref reader, name, out _hosting);
            case Field.Enabled:
                return _r.TryReadOptionalBool(ref reader, name, out _enabled);
            case Field.Margin:
                return _r.TryReadOptionalBool(ref reader, name, out _margin);
            case Field.Country:
                return reader.TokenType == JsonTokenType.Null
                    || _r.TryReadShape(ref reader, name, WireValues.IsCountry, "must be an ISO 3166-1 alpha-2 code in upper case, e.g. JP", out _country, _values);
            case Field.Asn:
                return TryReadAsn(ref reader, name);
            case Field.AuthMethod:
                return _r.TryReadEnum(ref reader, name, Vocabulary.AuthMethod, out var authMethod) && Set(out _authMethod, (AuthMethod)authMethod);
            case Field.Channel:
                return _r.TryReadEnum(ref reader, name, Vocabulary.Channel, out var channel) && Set(out _channel, (LoginChannel)channel);
            case Field.Setting:
                return _r.TryReadEnum(ref reader, name, Vocabulary.Setting, out var setting) && Set(out _setting, (AccountSetting)setting);
            case Field.Side:
                return _r.TryReadEnum(ref reader, name, Vocabulary.Side, out var side) && Set(out _side, (OrderSide)side);
            case Field.OrderType:
                return _r.TryReadEnum(ref reader, name, Vocabulary.OrderType, out var orderType) && Set(out _orderType, (OrderType)orderType);
            case Field.Symbol:
                return _r.TryReadShape(ref reader, name, WireValues.IsSymbol, WireValues.SymbolRule, out _symbol, _values);
            case Field.FromCurrency:
                return _r.TryReadShape(ref reader, name, WireValues.IsCurrency, "must be an ISO 4217 code in upper case, e.g. JPY", out _fromCurrency, _values);
            case Field.ToCurrency:
                return _r.TryReadShape(ref reader, name, WireValues.IsCurrency, "must be an ISO 4217 code in upper case, e.g. HKD", out _toCurrency, _values);
            case Field.Quantity:
                return _r.TryReadPositiveLong(ref reader, name, out _quantity);
            case Field.Price:
                if (type == AccountEventType.Order && reader.TokenType == JsonTokenType.Null)
                {
                    return true;
                }

                return _r.TryReadDecimal(ref reader, name, mustBePositive: true, out var price) && Set(out _price, price);
            case Field.BuyingPowerJpy:
                if (type == AccountEventType.Order && reader.TokenType == JsonTokenType.Null)
                {
                    return true;
                }

                return _r.TryReadDecimal(ref reader, name, mustBePositive: false, out var buyingPower) && Set(out _buyingPower, buyingPower);
            case Field.NotionalJpy:
                return _r.TryReadDecimal(ref reader, name, mustBePositive: false, out _notional);
            case Field.AmountJpy:
                return _r.TryReadDecimal(ref reader, name, mustBePositive: false, out _amount);
            case Field.CashJpy:
                return _r.TryReadDecimal(ref reader, name, mustBePositive: false, out _cash);
            case Field.Positions:
                return TryReadPositions(ref reader);
            default:
                throw new InvalidOperationException("Unhandled field " + name);
        }
    }

    private ReadResult<AccountEvent> Build(AccountEventType type)
    {
        var missing = Required[(int)type] & ~_seen;
        if (missing != 0)
        {
            var field = FieldNames[System.Numerics.BitOperations.TrailingZeroCount(missing)];
            return Failure(field, null, $"is required for {WireValues.EventTypes[(int)type]} events");
        }

        if (type == AccountEventType.Order && _orderType == OrderType.Limit && _price is null)
        {
            return Failure("price", null, "is required for a limit order");
        }

        AccountEvent e = type switch
        {
            AccountEventType.Login => new LoginEvent(_id!, _time, _account!, _success, _ip!, _device!, _authMethod, _channel)
            {
                Country = _country,
                Asn = _asn,
                Hosting = _hosting,
            },
            AccountEventType.SettingChanged => new SettingChangedEvent(_id!, _time, _account!, _setting) { Enabled = _enabled },
            AccountEventType.Order => new OrderEvent(_id!, _time, _account!, _orderId!, _side, _symbol!, _quantity, _orderType, _notional)
            {
                Price = _price,
                Margin = _margin,
                BuyingPowerJpy = _buyingPower,
            },
            AccountEventType.Execution => new ExecutionEvent(_id!, _time, _account!, _orderId!, _side, _symbol!, _quantity, _price!.Value, _notional),
            AccountEventType.FxConversion => new FxConversionEvent(_id!, _time, _account!, _fromCurrency!, _toCurrency!, _amount),
            AccountEventType.WithdrawalRequest => new WithdrawalRequestEvent(_id!, _time, _account!, _amount, _destination!),
            _ => new PortfolioEvent(_id!, _time, _account!, _positions!, _cash, _buyingPower!.Value),
        };

        return ReadResult<AccountEvent>.Success(_r.Line, e);
    }

    private bool TryReadPositions(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return _r.WrongKind(ref reader, "positions", "an array of {symbol, quantity, valueJpy}");
        }

        var positions = new List<Position>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var names = positions.Count < PositionNames.Length ? PositionNames[positions.Count] : NamesOfPosition(positions.Count);
            var prefix = names[0];
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return _r.WrongKind(ref reader, prefix, "an object {symbol, quantity, valueJpy}");
            }

            string? symbol = null;
            long quantity = 0;
            decimal value = 0;
            var seen = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var bit = reader.ValueTextEquals("symbol"u8) ? 1 : reader.ValueTextEquals("quantity"u8) ? 2 : reader.ValueTextEquals("valueJpy"u8) ? 4 : 0;
                var name = bit == 0 ? null : names[bit == 4 ? 3 : bit];
                reader.Read();
                if (bit == 0)
                {
                    reader.Skip();
                    continue;
                }

                if ((seen & bit) != 0)
                {
                    return _r.Fail(name, FieldReader.Snippet(ref reader), "appears more than once; each field may appear once per position");
                }

                seen |= bit;
                var ok = bit switch
                {
                    1 => _r.TryReadShape(ref reader, name!, WireValues.IsSymbol, WireValues.SymbolRule, out symbol, _values),
                    2 => _r.TryReadLong(ref reader, name!, allowZero: true, out quantity),
                    _ => _r.TryReadDecimal(ref reader, name!, mustBePositive: false, out value),
                };
                if (!ok)
                {
                    return false;
                }
            }

            if (seen != 7)
            {
                var missing = (seen & 1) == 0 ? "symbol" : (seen & 2) == 0 ? "quantity" : "valueJpy";
                return _r.Fail($"{prefix}.{missing}", null, "is required for a position");
            }

            positions.Add(new Position(symbol!, quantity, value));
        }

        _positions = positions;
        return true;
    }

    // Field names of the first positions, made once: formatting them per position was most of a snapshot's allocation.
    private static readonly string[][] PositionNames = [.. Enumerable.Range(0, 16).Select(NamesOfPosition)];

    private static string[] NamesOfPosition(int index)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"positions[{index}]");
        return [prefix, prefix + ".symbol", prefix + ".quantity", prefix + ".valueJpy"];
    }

    private bool TryReadAsn(ref Utf8JsonReader reader, string field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.Number when reader.TryGetInt64(out var number) && number >= 0:
                _asn = number.ToString(CultureInfo.InvariantCulture);
                return true;
            case JsonTokenType.Number:
                return _r.Fail(field, FieldReader.Snippet(ref reader), "must be a non-negative whole number or a string such as \"AS64496\"");
            default:
                return _r.TryReadString(ref reader, field, out _asn, _values);
        }
    }

    private ReadResult<AccountEvent> Failure(string? field, string? value, string reason) =>
        ReadResult<AccountEvent>.Failure(_r.MakeError(field, value, reason));

    private static bool Set<T>(out T target, T value)
    {
        target = value;
        return true;
    }

    private static ulong Bit(Field field) => 1UL << (int)field;

    private static Field FieldOf(ref Utf8JsonReader reader)
    {
        if (reader.ValueSpan.Length > MaxShortValueBytes)
        {
            return Field.Unknown;
        }

        Span<byte> buffer = stackalloc byte[MaxShortValueBytes];
        var name = reader.ValueIsEscaped ? buffer[..reader.CopyString(buffer)] : reader.ValueSpan;
        return name.Length switch
        {
            2 => name.SequenceEqual("id"u8) ? Field.Id : name.SequenceEqual("ip"u8) ? Field.Ip : Field.Unknown,
            3 => name.SequenceEqual("asn"u8) ? Field.Asn : Field.Unknown,
            4 => name.SequenceEqual("type"u8) ? Field.Type : name.SequenceEqual("time"u8) ? Field.Time
                : name.SequenceEqual("side"u8) ? Field.Side : Field.Unknown,
            5 => name.SequenceEqual("price"u8) ? Field.Price : Field.Unknown,
            6 => name.SequenceEqual("device"u8) ? Field.Device : name.SequenceEqual("symbol"u8) ? Field.Symbol
                : name.SequenceEqual("margin"u8) ? Field.Margin : Field.Unknown,
            7 => name.SequenceEqual("account"u8) ? Field.Account : name.SequenceEqual("success"u8) ? Field.Success
                : name.SequenceEqual("country"u8) ? Field.Country : name.SequenceEqual("hosting"u8) ? Field.Hosting
                : name.SequenceEqual("channel"u8) ? Field.Channel : name.SequenceEqual("setting"u8) ? Field.Setting
                : name.SequenceEqual("enabled"u8) ? Field.Enabled : name.SequenceEqual("orderId"u8) ? Field.OrderId
                : name.SequenceEqual("cashJpy"u8) ? Field.CashJpy : Field.Unknown,
            8 => name.SequenceEqual("quantity"u8) ? Field.Quantity : Field.Unknown,
            9 => name.SequenceEqual("orderType"u8) ? Field.OrderType : name.SequenceEqual("amountJpy"u8) ? Field.AmountJpy
                : name.SequenceEqual("positions"u8) ? Field.Positions : Field.Unknown,
            10 => name.SequenceEqual("authMethod"u8) ? Field.AuthMethod : name.SequenceEqual("toCurrency"u8) ? Field.ToCurrency : Field.Unknown,
            11 => name.SequenceEqual("notionalJpy"u8) ? Field.NotionalJpy : name.SequenceEqual("destination"u8) ? Field.Destination : Field.Unknown,
            12 => name.SequenceEqual("fromCurrency"u8) ? Field.FromCurrency : Field.Unknown,
            14 => name.SequenceEqual("buyingPowerJpy"u8) ? Field.BuyingPowerJpy : Field.Unknown,
            _ => Field.Unknown,
        };
    }

    private static ulong[] BuildRequired()
    {
        var common = Mask(Field.Type, Field.Id, Field.Time, Field.Account);
        return
        [
            common | Mask(Field.Success, Field.Ip, Field.Device, Field.AuthMethod, Field.Channel),
            common | Mask(Field.Setting),
            common | Mask(Field.OrderId, Field.Side, Field.Symbol, Field.Quantity, Field.OrderType, Field.NotionalJpy),
            common | Mask(Field.OrderId, Field.Side, Field.Symbol, Field.Quantity, Field.Price, Field.NotionalJpy),
            common | Mask(Field.FromCurrency, Field.ToCurrency, Field.AmountJpy),
            common | Mask(Field.AmountJpy, Field.Destination),
            common | Mask(Field.Positions, Field.CashJpy, Field.BuyingPowerJpy),
        ];
    }

    private static ulong[] BuildAllowed()
    {
        var allowed = BuildRequired();
        allowed[(int)AccountEventType.Login] |= Mask(Field.Country, Field.Asn, Field.Hosting);
        allowed[(int)AccountEventType.SettingChanged] |= Mask(Field.Enabled);
        allowed[(int)AccountEventType.Order] |= Mask(Field.Price, Field.Margin, Field.BuyingPowerJpy);
        return allowed;
    }

    private static ulong Mask(params ReadOnlySpan<Field> fields)
    {
        ulong mask = 0;
        foreach (var f in fields)
        {
            mask |= Bit(f);
        }

        return mask;
    }
}
