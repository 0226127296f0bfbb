namespace TakeoverRules.Detection.Format;

/// <summary>
/// The spellings of enum values and the shape checks of TakeoverRules event format v1, shared by the readers and
/// writers so that what is written is exactly what is accepted.
/// </summary>
internal static class WireValues
{
    public static readonly string[] EventTypes =
        ["login", "settingChanged", "order", "execution", "fxConversion", "withdrawalRequest", "portfolio"];

    public static readonly string[] AuthMethods = ["password", "sms", "totp", "emailOtp", "push", "passkey"];

    public static readonly string[] Channels = ["web", "app", "api"];

    public static readonly string[] Settings =
    [
        "email", "phone", "password", "tradingPin", "mfa", "loginNotifications", "withdrawalAccount", "foreignTrading",
        "marginTrading", "address",
    ];

    public static readonly string[] Sides = ["buy", "sell"];

    public static readonly string[] OrderTypes = ["limit", "market"];

    private static readonly byte[][] EventTypesUtf8 = ToUtf8(EventTypes);
    private static readonly byte[][] AuthMethodsUtf8 = ToUtf8(AuthMethods);
    private static readonly byte[][] ChannelsUtf8 = ToUtf8(Channels);
    private static readonly byte[][] SettingsUtf8 = ToUtf8(Settings);
    private static readonly byte[][] SidesUtf8 = ToUtf8(Sides);
    private static readonly byte[][] OrderTypesUtf8 = ToUtf8(OrderTypes);

    /// <summary>Longest market code in <c>MARKET:CODE</c>.</summary>
    public const int MaxMarketLength = 10;

    /// <summary>Longest instrument code in <c>MARKET:CODE</c>.</summary>
    public const int MaxCodeLength = 20;

    // A field, not a property: it is passed on every symbol read, and a property would format it each time.
    public static readonly string SymbolRule =
        $"must be MARKET:CODE in upper case, e.g. TSE:7203 or HKEX:08365 (market: A-Z and 0-9 starting with a letter, up to {MaxMarketLength}; code: A-Z, 0-9, '.', '-' or '_', up to {MaxCodeLength})";

    public static int Find(ReadOnlySpan<byte> value, Vocabulary table) => table switch
    {
        Vocabulary.EventType => IndexOf(value, EventTypesUtf8),
        Vocabulary.AuthMethod => IndexOf(value, AuthMethodsUtf8),
        Vocabulary.Channel => IndexOf(value, ChannelsUtf8),
        Vocabulary.Setting => IndexOf(value, SettingsUtf8),
        Vocabulary.Side => IndexOf(value, SidesUtf8),
        _ => IndexOf(value, OrderTypesUtf8),
    };

    public static string[] Names(Vocabulary table) => table switch
    {
        Vocabulary.EventType => EventTypes,
        Vocabulary.AuthMethod => AuthMethods,
        Vocabulary.Channel => Channels,
        Vocabulary.Setting => Settings,
        Vocabulary.Side => Sides,
        _ => OrderTypes,
    };

    /// <summary>Checks <c>MARKET:CODE</c>: upper case so that one instrument has one spelling (symbols are join keys).</summary>
    public static bool IsSymbol(string s)
    {
        var colon = s.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1 || colon > MaxMarketLength || s.Length - colon - 1 is < 1 or > MaxCodeLength || !IsUpper(s[0]))
        {
            return false;
        }

        foreach (var c in s.AsSpan(0, colon))
        {
            if (!IsUpper(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        foreach (var c in s.AsSpan(colon + 1))
        {
            if (!IsUpper(c) && !char.IsAsciiDigit(c) && c is not ('.' or '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The market part of a valid symbol.</summary>
    public static ReadOnlySpan<char> MarketOf(string symbol) => symbol.AsSpan(0, symbol.IndexOf(':', StringComparison.Ordinal));

    /// <summary>
    /// Checks the shape of an ISO 3166-1 alpha-2 code (two upper-case letters). Assignment is not checked: geo-IP
    /// databases use user-assigned codes such as XK (Kosovo), and a list would go stale.
    /// </summary>
    public static bool IsCountry(string s) => s.Length == 2 && IsUpper(s[0]) && IsUpper(s[1]);

    /// <summary>Checks the shape of an ISO 4217 code (three upper-case letters).</summary>
    public static bool IsCurrency(string s) => s.Length == 3 && IsUpper(s[0]) && IsUpper(s[1]) && IsUpper(s[2]);

    private static bool IsUpper(char c) => c is >= 'A' and <= 'Z';

    private static int IndexOf(ReadOnlySpan<byte> value, byte[][] names)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (value.SequenceEqual(names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static byte[][] ToUtf8(string[] names) => [.. names.Select(System.Text.Encoding.UTF8.GetBytes)];
}

/// <summary>The closed vocabularies of the wire format.</summary>
internal enum Vocabulary
{
    EventType,
    AuthMethod,
    Channel,
    Setting,
    Side,
    OrderType,
}
