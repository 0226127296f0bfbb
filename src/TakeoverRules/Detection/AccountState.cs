using System.Runtime.CompilerServices;

namespace TakeoverRules.Detection;

/// <summary>Four 32-bit fingerprints of learned values, most recently used first; 0 marks an empty slot.</summary>
[InlineArray(4)]
internal struct Slots4
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

/// <summary>
/// Everything the detector remembers about one account: its learned baseline (devices, networks, countries, markets,
/// order sizes, hours), the current risky session, settings changes, the current run of orders, and the recent event
/// ids for duplicate detection. Fixed-size inline slots keep it within about 1 KB. Not thread-safe; owned by one detector.
/// </summary>
internal sealed class AccountState
{
    public AccountState(int duplicateWindow) => RecentIds = new ulong[duplicateWindow];

    // Event time and duplicates.
    public long Watermark;
    public ulong[] RecentIds;
    public int RecentNext;

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
    public string? FailFirstId;

    // The risky login that colours later events.
    public RiskyLogin Risk;

    // Settings changes.
    public SettingTimes SettingTime;
    public string?[]? SettingIds;
    public AccountSetting ContactSetting, CredentialSetting, PrivilegeSetting;

    // Holdings and the current run of orders.
    public double HoldingsJpy;
    public double AvailableJpy;
    public bool HasPortfolio;
    public long BurstLast;
    public double BurstHoldingsJpy, BurstSellJpy, BurstBuyJpy;
    public long BurstFirstSellTime;
    public string? BurstFirstSellId, BurstLastSellId;

    // Rising-price ladder.
    public ulong LadderSymbol;
    public long LadderStart;
    public double LadderFirstPrice, LadderLastPrice;
    public int LadderCount;
    public string? LadderFirstId;

    public bool IsDuplicate(ulong idHash)
    {
        foreach (var seen in RecentIds)
        {
            if (seen == idHash)
            {
                return true;
            }
        }

        return false;
    }

    public void Remember(ulong idHash)
    {
        RecentIds[RecentNext] = idHash;
        RecentNext = (RecentNext + 1) % RecentIds.Length;
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
        (SettingIds ??= new string?[SettingSlot.Count])[slot] = eventId;
    }

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
        WriteString(writer, FailFirstId);
        Risk.Write(writer);
        for (var i = 0; i < SettingSlot.Count; i++)
        {
            writer.Write(SettingTime[i]);
            WriteString(writer, SettingIds?[i]);
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
        WriteString(writer, BurstFirstSellId);
        WriteString(writer, BurstLastSellId);
        writer.Write(LadderSymbol);
        writer.Write(LadderStart);
        writer.Write(LadderFirstPrice);
        writer.Write(LadderLastPrice);
        writer.Write(LadderCount);
        WriteString(writer, LadderFirstId);
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
        state.FailFirstId = ReadString(reader);
        state.Risk = RiskyLogin.Read(reader);
        for (var i = 0; i < SettingSlot.Count; i++)
        {
            state.SettingTime[i] = reader.ReadInt64();
            if (ReadString(reader) is { } id)
            {
                (state.SettingIds ??= new string?[SettingSlot.Count])[i] = id;
            }
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
        state.BurstFirstSellId = ReadString(reader);
        state.BurstLastSellId = ReadString(reader);
        state.LadderSymbol = reader.ReadUInt64();
        state.LadderStart = reader.ReadInt64();
        state.LadderFirstPrice = reader.ReadDouble();
        state.LadderLastPrice = reader.ReadDouble();
        state.LadderCount = reader.ReadInt32();
        state.LadderFirstId = ReadString(reader);
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
