using System.Runtime.CompilerServices;

namespace TakeoverRules.Detection;

/// <summary>Four 32-bit fingerprints of learned values, most recently used first; 0 marks an empty slot.</summary>
[InlineArray(4)]
internal struct Slots4
{
    private uint _element;
}

/// <summary>Eight 32-bit fingerprints, most recently used first; 0 marks an empty slot.</summary>
[InlineArray(8)]
internal struct Slots8
{
    private uint _element;
}

[InlineArray(24)]
internal struct HourCounts
{
    private byte _element;
}

[InlineArray(SettingSlot.Count)]
internal struct SettingTimes
{
    private long _element;
}

/// <summary>The families of security-setting changes the detector remembers.</summary>
internal static class SettingSlot
{
    public const int Contact = 0;
    public const int Notifications = 1;
    public const int Mfa = 2;
    public const int Withdrawal = 3;
    public const int Credential = 4;
    public const int Privilege = 5;
    public const int Count = 6;
}

/// <summary>
/// How this customer usually behaves, as counts of events and of how many of them had each trait. Counts halve when
/// their total reaches <see cref="Limit"/>, so the profile follows the customer and stays bounded (12 floats and a time).
/// </summary>
internal struct BehaviourProfile
{
    public const float Limit = 200;

    // Access churn, per successful login: how often this customer shows up on something new.
    public float Logins, NewDevices, NewAsns, NewBlocks, Abroad, Hosting;

    // Trading habits, per judged buy.
    public float Buys, ThinBuys, HighUseBuys, RotationBuys, MarginBuys;

    // Session habit, per judged order after a login: how often this customer orders long after logging in.
    public float SessionOrders, LateSessionOrders;

    // What the customer holds, from portfolio snapshots: names held, and how many of them thin (their habit before any buy).
    public float HeldNames, HeldThin;

    /// <summary>Share of the holdings sold in recent runs, decayed by day (the first half of a slow, two-day attack).</summary>
    public float RecentSoldShare;
    public long RecentSoldTime;

    public void CountLogin(bool newDevice, bool newAsn, bool newBlock, bool abroad, bool hosting)
    {
        if (Logins >= Limit)
        {
            Logins /= 2; NewDevices /= 2; NewAsns /= 2; NewBlocks /= 2; Abroad /= 2; Hosting /= 2;
        }

        Logins++;
        NewDevices += newDevice ? 1 : 0;
        NewAsns += newAsn ? 1 : 0;
        NewBlocks += newBlock ? 1 : 0;
        Abroad += abroad ? 1 : 0;
        Hosting += hosting ? 1 : 0;
    }

    public void CountBuy(bool thin, bool highUse, bool rotation, bool margin)
    {
        if (Buys >= Limit)
        {
            Buys /= 2; ThinBuys /= 2; HighUseBuys /= 2; RotationBuys /= 2; MarginBuys /= 2;
        }

        Buys++;
        ThinBuys += thin ? 1 : 0;
        HighUseBuys += highUse ? 1 : 0;
        RotationBuys += rotation ? 1 : 0;
        MarginBuys += margin ? 1 : 0;
    }

    public void CountSessionOrder(bool late)
    {
        if (SessionOrders >= Limit)
        {
            SessionOrders /= 2; LateSessionOrders /= 2;
        }

        SessionOrders++;
        LateSessionOrders += late ? 1 : 0;
    }

    /// <summary>Counts a name the customer holds (half a buy of its kind, up to <see cref="MaxHeldNames"/>).</summary>
    public void CountHeld(bool thin)
    {
        if (HeldNames < MaxHeldNames)
        {
            HeldNames += 0.5f;
            HeldThin += thin ? 0.5f : 0;
        }
    }

    /// <summary>The most that holdings count for: what the customer buys soon outweighs what they held at the start.</summary>
    public const float MaxHeldNames = 5;

    /// <summary>This customer's shrunk rate of thin or low-priced buys, what they hold counting as buys.</summary>
    public readonly double ThinRate() => EvidenceModel.Rate(ThinBuys + HeldThin, Buys + HeldNames, EvidenceModel.PopulationThin);
}

/// <summary>Access signals of the risky login the account's session is judged by.</summary>
[Flags]
internal enum AccessFlags : byte
{
    None = 0,
    Device = 1,
    Network = 2,
    AddressBlock = 4,
    Country = 8,
    Hosting = 16,
    FailedThenSuccess = 32,
    Dormant = 64,
}

/// <summary>The access signals of one successful login and what the explanations cite about them.</summary>
internal struct RiskyLogin
{
    public long Time;
    public string? Id;
    public AccessFlags Flags;
    public string? Device, Network, Country, FailFirstId;
    public int KnownDevices, KnownNetworks, Failures, DormantDays;
    public double FailMinutes;

    // Evidence of each signal against this customer's access churn (nats), and the customer's rates it was judged by.
    public float DeviceLlr, NetworkLlr, CountryLlr, HostingLlr, FailedLlr, DormantLlr;
    public float DeviceRate, NetworkRate, CountryRate, HostingRate;

    /// <summary>The session evidence of this login (nats).</summary>
    public readonly double Evidence => DeviceLlr + NetworkLlr + CountryLlr + HostingLlr + FailedLlr + DormantLlr;
}

/// <summary>Which text a <see cref="CitedText"/> slot holds.</summary>
internal enum TextSlot
{
    FailFirst,
    BurstFirstSell,
    BurstLastSell,
    LadderFirst,
    RiskId,
    RiskDevice,
    RiskNetwork,
    RiskCountry,
    RiskFailFirst,

    /// <summary>The first of <see cref="SettingSlot.Count"/> slots: the id of each setting family's latest change.</summary>
    Setting,
}

/// <summary>
/// The event ids and values that the account's state may later cite in an explanation, copied as characters into one
/// array per account instead of referencing the events' own strings. The state lives for the whole run (the oldest GC
/// generation); when it pointed at freshly parsed strings, every young-generation collection had to scan the states
/// and promote those strings, which cost <c>takeover scan</c> more than parsing. A text becomes a string again only
/// when an indicator cites it. Texts longer than <see cref="MaxInlineLength"/> are kept as references, so one huge id
/// cannot widen the array.
/// </summary>
internal struct CitedText
{
    public const int MaxInlineLength = 128;
    private const int SlotCount = (int)TextSlot.Setting + SettingSlot.Count;

    // SlotCount lengths (0: no text), then the texts in slot order.
    private char[]? _chars;
    private string?[]? _long;

    public readonly bool Has(TextSlot slot) => (_chars is not null && _chars[(int)slot] != 0) || _long?[(int)slot] is not null;

    public readonly string? Get(TextSlot slot)
    {
        if (_long?[(int)slot] is { } text)
        {
            return text;
        }

        return _chars is null || _chars[(int)slot] == 0 ? null : new string(_chars, Offset(_chars, slot), _chars[(int)slot]);
    }

    public void Set(TextSlot slot, string? text)
    {
        if (_long is not null)
        {
            _long[(int)slot] = null;
        }

        if (text is { Length: > MaxInlineLength })
        {
            (_long ??= new string?[SlotCount])[(int)slot] = text;
            text = null;
        }

        var length = text?.Length ?? 0;
        if (_chars is null)
        {
            if (length == 0)
            {
                return;
            }

            _chars = new char[SlotCount + RoundUp(length)];
        }

        var old = _chars[(int)slot];
        var offset = Offset(_chars, slot);
        var used = Offset(_chars, (TextSlot)SlotCount);
        if (used - old + length > _chars.Length)
        {
            Array.Resize(ref _chars, RoundUp(used - old + length));
        }

        // Shift the later texts so the slots stay packed.
        _chars.AsSpan(offset + old, used - offset - old).CopyTo(_chars.AsSpan(offset + length));
        text.AsSpan().CopyTo(_chars.AsSpan(offset));
        _chars[(int)slot] = (char)length;
    }

    private static int Offset(char[] chars, TextSlot slot)
    {
        var offset = SlotCount;
        for (var i = 0; i < (int)slot; i++)
        {
            offset += chars[i];
        }

        return offset;
    }

    private static int RoundUp(int length) => (length + 15) & ~15;
}

/// <summary>
/// Everything the detector remembers about one account: its learned baseline (devices, networks, countries, markets,
/// order sizes, hours), the current risky session, settings changes, the current run of orders, and the recent event
/// ids for duplicate detection. Fixed-size inline slots bound it (a snapshot of a quiet account is under 1,408 bytes);
/// a busy account's duplicate memory adds 16 bytes per id up to <see cref="DetectorOptions.MaxDuplicateIds"/>.
/// Not thread-safe; owned by one detector.
/// </summary>
internal sealed class AccountState
{
    // The detector's recency list when DetectorOptions.MaxAccountsInMemory bounds it (AccountCache.cs): the account's
    // id (the dictionary's own key string) and its neighbours. Not part of the state: never snapshotted.
    public string? CacheKey;
    public AccountState? Newer, Older;

    // Event time and duplicates.
    public long Watermark;
    public DuplicateMemory RecentIds;

    // Baseline.
    public long LastActivity;
    // The login session: its last login or order, whether it was resumed after a quiet spell (and after how long), and
    // whether its login came through the API.
    public long SessionActivity;
    public long SessionResumedAfter;
    public bool SessionResumed;
    public bool LastLoginApi;
    public int Logins;
    public int Orders;
    public Slots4 Devices;
    public Slots4 Asns;
    public Slots4 AddressBlocks;
    public Slots4 Countries;
    public Slots4 Markets;
    public Slots4 Destinations;
    public uint PendingDevice, PendingAsn, PendingBlock, PendingCountry;
    public long PendingDeviceSince, PendingAsnSince, PendingBlockSince, PendingCountrySince;

    // Whether the device in quarantine was used for something the customer does (an order that was not held): a device
    // that only ever logged in (an attacker's reconnaissance) does not become familiar by waiting.
    public bool PendingDeviceUsed;

    // The device of the latest successful login, the one the session's orders come from.
    public uint SessionDevice;
    public HourCounts Hours;
    public int HourTotal;
    public double MaxOrderJpy;
    public BehaviourProfile Profile;

    // The profile as it was when the current run of orders began: the run is judged against it, so a run never
    // becomes its own baseline.
    public BehaviourProfile RunProfile;
    public Slots8 Symbols;
    public Slots4 RunThinSymbols;
    public int RunThinCount;
    public long LastHold;

    // Failed logins.
    public long FailStart;
    public int FailCount;

    // Ids of the first failed login, the run's first and last sells, the ladder's first buy, the settings changes and
    // the risky login's id and values.
    public CitedText Texts;

    // The risky login that colours later events; its ids and values are in Texts (see SetRisk).
    public RiskyLogin Risk;

    // Settings changes.
    public SettingTimes SettingTime;
    public AccountSetting ContactSetting, CredentialSetting, PrivilegeSetting;

    // Holdings and the current run of orders.
    public double HoldingsJpy;
    public double AvailableJpy;
    public bool HasPortfolio;
    public long BurstLast;
    public double BurstHoldingsJpy, BurstSellJpy, BurstBuyJpy;
    public long BurstFirstSellTime;

    // Rising-price ladder.
    public ulong LadderSymbol;
    public long LadderStart;
    public double LadderFirstPrice, LadderLastPrice;
    public int LadderCount;

    public void CountHour(int hour)
    {
        if (Hours[hour] == byte.MaxValue)
        {
            // Halve the whole profile so it keeps adapting and never overflows.
            HourTotal = 0;
            for (var h = 0; h < 24; h++)
            {
                Hours[h] = (byte)(Hours[h] / 2);
                HourTotal += Hours[h];
            }
        }

        Hours[hour]++;
        HourTotal++;
    }

    public void ChangeSetting(int slot, long time, string eventId)
    {
        SettingTime[slot] = time;
        Texts.Set(TextSlot.Setting + slot, eventId);
    }

    public string? SettingId(int slot) => Texts.Get(TextSlot.Setting + slot);

    /// <summary>Remembers <paramref name="login"/> as the session's risky login, its strings as <see cref="Texts"/>.</summary>
    public void SetRisk(in RiskyLogin login)
    {
        Texts.Set(TextSlot.RiskId, login.Id);
        Texts.Set(TextSlot.RiskDevice, login.Device);
        Texts.Set(TextSlot.RiskNetwork, login.Network);
        Texts.Set(TextSlot.RiskCountry, login.Country);
        Texts.Set(TextSlot.RiskFailFirst, login.FailFirstId);
        Risk = login with { Id = null, Device = null, Network = null, Country = null, FailFirstId = null };
    }

    public string? RiskId => Texts.Get(TextSlot.RiskId);

    /// <summary>The risky login with its strings, for explanations that cite them.</summary>
    public RiskyLogin RiskWithText() => Risk with
    {
        Id = Texts.Get(TextSlot.RiskId),
        Device = Texts.Get(TextSlot.RiskDevice),
        Network = Texts.Get(TextSlot.RiskNetwork),
        Country = Texts.Get(TextSlot.RiskCountry),
        FailFirstId = Texts.Get(TextSlot.RiskFailFirst),
    };

    /// <summary>Whether <paramref name="value"/> is in <paramref name="slots"/>; 0 never is.</summary>
    public static bool Contains(ReadOnlySpan<uint> slots, uint value)
    {
        foreach (var slot in slots)
        {
            if (slot == value)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Moves <paramref name="value"/> to the front, evicting the least recently used entry when full.</summary>
    public static void Touch(Span<uint> slots, uint value)
    {
        var at = slots.IndexOf(value);
        if (at < 0)
        {
            at = slots.Length - 1;
        }

        for (var i = at; i > 0; i--)
        {
            slots[i] = slots[i - 1];
        }

        slots[0] = value;
    }

    public static int CountOf(ReadOnlySpan<uint> slots)
    {
        var count = 0;
        foreach (var slot in slots)
        {
            if (slot != 0)
            {
                count++;
            }
        }

        return count;
    }
}
