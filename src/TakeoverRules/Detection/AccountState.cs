using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TakeoverRules.Detection;

/// <summary>Four 32-bit fingerprints of learned values, most recently used first; 0 marks an empty slot.</summary>
[InlineArray(4)]
internal struct Slots4
{
    private uint _element;
}

[InlineArray(16)]
internal struct RecentIdSlots
{
    private ulong _element;
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

    public void Write(BinaryWriter writer)
    {
        writer.Write(Time);
        AccountState.WriteString(writer, Id);
        writer.Write((byte)Flags);
        AccountState.WriteString(writer, Device);
        AccountState.WriteString(writer, Network);
        AccountState.WriteString(writer, Country);
        AccountState.WriteString(writer, FailFirstId);
        writer.Write(KnownDevices);
        writer.Write(KnownNetworks);
        writer.Write(Failures);
        writer.Write(DormantDays);
        writer.Write(FailMinutes);
    }

    public static RiskyLogin Read(BinaryReader reader) => new()
    {
        Time = reader.ReadInt64(),
        Id = AccountState.ReadString(reader),
        Flags = (AccessFlags)reader.ReadByte(),
        Device = AccountState.ReadString(reader),
        Network = AccountState.ReadString(reader),
        Country = AccountState.ReadString(reader),
        FailFirstId = AccountState.ReadString(reader),
        KnownDevices = reader.ReadInt32(),
        KnownNetworks = reader.ReadInt32(),
        Failures = reader.ReadInt32(),
        DormantDays = reader.ReadInt32(),
        FailMinutes = reader.ReadDouble(),
    };
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
/// ids for duplicate detection. Fixed-size inline slots keep it within about 1 KB. Not thread-safe; owned by one detector.
/// </summary>
internal sealed class AccountState
{
    public AccountState(int duplicateWindow)
    {
        _window = duplicateWindow;
        _moreIds = duplicateWindow > InlineIdCount ? new ulong[duplicateWindow] : null;
    }

    // Event time and duplicates.
    public long Watermark;
    // The default window lives inside the state: every event checks it, and a separate array is one more cache miss
    // per event and one more object per account for the GC to promote.
    private const int InlineIdCount = 16;
    private readonly int _window;
    private readonly ulong[]? _moreIds;
    private RecentIdSlots _inlineIds;
    public int RecentNext;

    public Span<ulong> RecentIds => _moreIds ?? MemoryMarshal.CreateSpan(ref _inlineIds[0], _window);

    // Baseline.
    public long LastActivity;
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
    public HourCounts Hours;
    public int HourTotal;
    public double MaxOrderJpy;
    public bool TradedThin;
    public bool UsedMargin;
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

    public bool IsDuplicate(ulong idHash) => RecentIds.Contains(idHash);

    public void Remember(ulong idHash)
    {
        RecentIds[RecentNext] = idHash;
        RecentNext = (RecentNext + 1) % _window;
    }

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

    public void Write(BinaryWriter writer)
    {
        writer.Write(Watermark);
        writer.Write(RecentIds.Length);
        foreach (var id in RecentIds)
        {
            writer.Write(id);
        }

        writer.Write(RecentNext);
        writer.Write(LastActivity);
        writer.Write(Logins);
        writer.Write(Orders);
        WriteSlots(writer, Devices);
        WriteSlots(writer, Asns);
        WriteSlots(writer, AddressBlocks);
        WriteSlots(writer, Countries);
        WriteSlots(writer, Markets);
        WriteSlots(writer, Destinations);
        writer.Write(PendingDevice);
        writer.Write(PendingAsn);
        writer.Write(PendingBlock);
        writer.Write(PendingCountry);
        writer.Write(PendingDeviceSince);
        writer.Write(PendingAsnSince);
        writer.Write(PendingBlockSince);
        writer.Write(PendingCountrySince);
        writer.Write((ReadOnlySpan<byte>)Hours);
        writer.Write(HourTotal);
        writer.Write(MaxOrderJpy);
        writer.Write(TradedThin);
        writer.Write(UsedMargin);
        writer.Write(LastHold);
        writer.Write(FailStart);
        writer.Write(FailCount);
        WriteString(writer, Texts.Get(TextSlot.FailFirst));
        RiskWithText().Write(writer);
        for (var i = 0; i < SettingSlot.Count; i++)
        {
            writer.Write(SettingTime[i]);
            WriteString(writer, SettingId(i));
        }

        writer.Write((int)ContactSetting);
        writer.Write((int)CredentialSetting);
        writer.Write((int)PrivilegeSetting);
        writer.Write(HoldingsJpy);
        writer.Write(AvailableJpy);
        writer.Write(HasPortfolio);
        writer.Write(BurstLast);
        writer.Write(BurstHoldingsJpy);
        writer.Write(BurstSellJpy);
        writer.Write(BurstBuyJpy);
        writer.Write(BurstFirstSellTime);
        WriteString(writer, Texts.Get(TextSlot.BurstFirstSell));
        WriteString(writer, Texts.Get(TextSlot.BurstLastSell));
        writer.Write(LadderSymbol);
        writer.Write(LadderStart);
        writer.Write(LadderFirstPrice);
        writer.Write(LadderLastPrice);
        writer.Write(LadderCount);
        WriteString(writer, Texts.Get(TextSlot.LadderFirst));
    }

    public static AccountState Read(BinaryReader reader, int duplicateWindow)
    {
        var watermark = reader.ReadInt64();
        var length = reader.ReadInt32();
        if (length != duplicateWindow)
        {
            throw new InvalidDataException($"duplicate window of {length} ids does not match the configured {duplicateWindow}");
        }

        var state = new AccountState(duplicateWindow) { Watermark = watermark };
        for (var i = 0; i < length; i++)
        {
            state.RecentIds[i] = reader.ReadUInt64();
        }

        state.RecentNext = Bounded(reader.ReadInt32(), length, "duplicate window position");
        state.LastActivity = reader.ReadInt64();
        state.Logins = reader.ReadInt32();
        state.Orders = reader.ReadInt32();
        ReadSlots(reader, state.Devices);
        ReadSlots(reader, state.Asns);
        ReadSlots(reader, state.AddressBlocks);
        ReadSlots(reader, state.Countries);
        ReadSlots(reader, state.Markets);
        ReadSlots(reader, state.Destinations);
        state.PendingDevice = reader.ReadUInt32();
        state.PendingAsn = reader.ReadUInt32();
        state.PendingBlock = reader.ReadUInt32();
        state.PendingCountry = reader.ReadUInt32();
        state.PendingDeviceSince = reader.ReadInt64();
        state.PendingAsnSince = reader.ReadInt64();
        state.PendingBlockSince = reader.ReadInt64();
        state.PendingCountrySince = reader.ReadInt64();
        if (reader.Read(state.Hours) != 24)
        {
            throw new EndOfStreamException();
        }

        state.HourTotal = reader.ReadInt32();
        state.MaxOrderJpy = reader.ReadDouble();
        state.TradedThin = reader.ReadBoolean();
        state.UsedMargin = reader.ReadBoolean();
        state.LastHold = reader.ReadInt64();
        state.FailStart = reader.ReadInt64();
        state.FailCount = reader.ReadInt32();
        state.Texts.Set(TextSlot.FailFirst, ReadString(reader));
        state.SetRisk(RiskyLogin.Read(reader));
        for (var i = 0; i < SettingSlot.Count; i++)
        {
            state.SettingTime[i] = reader.ReadInt64();
            state.Texts.Set(TextSlot.Setting + i, ReadString(reader));
        }

        state.ContactSetting = (AccountSetting)reader.ReadInt32();
        state.CredentialSetting = (AccountSetting)reader.ReadInt32();
        state.PrivilegeSetting = (AccountSetting)reader.ReadInt32();
        state.HoldingsJpy = reader.ReadDouble();
        state.AvailableJpy = reader.ReadDouble();
        state.HasPortfolio = reader.ReadBoolean();
        state.BurstLast = reader.ReadInt64();
        state.BurstHoldingsJpy = reader.ReadDouble();
        state.BurstSellJpy = reader.ReadDouble();
        state.BurstBuyJpy = reader.ReadDouble();
        state.BurstFirstSellTime = reader.ReadInt64();
        state.Texts.Set(TextSlot.BurstFirstSell, ReadString(reader));
        state.Texts.Set(TextSlot.BurstLastSell, ReadString(reader));
        state.LadderSymbol = reader.ReadUInt64();
        state.LadderStart = reader.ReadInt64();
        state.LadderFirstPrice = reader.ReadDouble();
        state.LadderLastPrice = reader.ReadDouble();
        state.LadderCount = reader.ReadInt32();
        state.Texts.Set(TextSlot.LadderFirst, ReadString(reader));
        return state;
    }

    private static int Bounded(int value, int length, string what) =>
        value >= 0 && value < length ? value : throw new InvalidDataException($"{what} {value} is out of range");

    private static void WriteSlots(BinaryWriter writer, ReadOnlySpan<uint> slots)
    {
        writer.Write((byte)slots.Length);
        foreach (var slot in slots)
        {
            writer.Write(slot);
        }
    }

    private static void ReadSlots(BinaryReader reader, Span<uint> slots)
    {
        if (reader.ReadByte() != slots.Length)
        {
            throw new InvalidDataException("slot count does not match this version");
        }

        for (var i = 0; i < slots.Length; i++)
        {
            slots[i] = reader.ReadUInt32();
        }
    }

    internal static void WriteString(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    internal static string? ReadString(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
