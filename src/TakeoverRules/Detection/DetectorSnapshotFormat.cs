using System.Text;

namespace TakeoverRules.Detection;

/// <summary>
/// The detector's snapshot format, version 2: a magic (<c>TRDA</c> account, <c>TRDS</c> symbol, <c>TRDD</c> whole
/// detector), the version, the configuration hash, then the state field by field. A snapshot is restored only by a
/// detector of the same version and configuration.
/// </summary>
internal sealed class DetectorSnapshotFormat(ulong configHash, int duplicateWindow)
{
    private const int Version = 3;
    private static readonly byte[] AccountMagic = "TRDA"u8.ToArray();
    private static readonly byte[] SymbolMagic = "TRDS"u8.ToArray();
    private static readonly byte[] DetectorMagic = "TRDD"u8.ToArray();

    public byte[] WriteAccount(AccountState state) => Serialize(AccountMagic, writer => WriteAccount(writer, state));

    public AccountState ReadAccount(ReadOnlySpan<byte> snapshot, string what) => Deserialize(snapshot, AccountMagic, what, r => ReadAccount(r, duplicateWindow));

    public byte[] WriteSymbol(SymbolState state) => Serialize(SymbolMagic, writer => WriteSymbol(writer, state));

    public SymbolState ReadSymbol(ReadOnlySpan<byte> snapshot, string what) => Deserialize(snapshot, SymbolMagic, what, ReadSymbol);

    public void Save(Stream destination, Dictionary<string, AccountState> accounts, Dictionary<string, SymbolState> symbols)
    {
        using var writer = new BinaryWriter(destination, Encoding.UTF8, leaveOpen: true);
        WriteHeader(writer, DetectorMagic);
        writer.Write(accounts.Count);
        foreach (var (account, state) in accounts)
        {
            writer.Write(account);
            WriteAccount(writer, state);
        }

        writer.Write(symbols.Count);
        foreach (var (symbol, state) in symbols)
        {
            writer.Write(symbol);
            WriteSymbol(writer, state);
        }
    }

    public (Dictionary<string, AccountState> Accounts, Dictionary<string, SymbolState> Symbols) Load(Stream source)
    {
        var accounts = new Dictionary<string, AccountState>(StringComparer.Ordinal);
        var symbols = new Dictionary<string, SymbolState>(StringComparer.Ordinal);
        try
        {
            using var reader = new BinaryReader(source, Encoding.UTF8, leaveOpen: true);
            ReadHeader(reader, DetectorMagic, "detector state");
            var accountCount = reader.ReadInt32();
            for (var i = 0; i < accountCount; i++)
            {
                accounts[reader.ReadString()] = ReadAccount(reader, duplicateWindow);
            }

            var symbolCount = reader.ReadInt32();
            for (var i = 0; i < symbolCount; i++)
            {
                symbols[reader.ReadString()] = ReadSymbol(reader);
            }
        }
        catch (Exception ex) when (ex is EndOfStreamException or InvalidDataException or IOException or FormatException)
        {
            throw new DetectorSnapshotException($"detector state is corrupt: {ex.Message}", ex);
        }

        return (accounts, symbols);
    }

    private byte[] Serialize(byte[] magic, Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            WriteHeader(writer, magic);
            write(writer);
        }

        return stream.ToArray();
    }

    private T Deserialize<T>(ReadOnlySpan<byte> snapshot, byte[] magic, string what, Func<BinaryReader, T> read)
    {
        try
        {
            using var stream = new MemoryStream(snapshot.ToArray(), writable: false);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            ReadHeader(reader, magic, what);
            var state = read(reader);
            if (stream.Position != stream.Length)
            {
                throw new InvalidDataException($"{stream.Length - stream.Position} unexpected bytes after the state");
            }

            return state;
        }
        catch (Exception ex) when (ex is EndOfStreamException or InvalidDataException or IOException or FormatException)
        {
            throw new DetectorSnapshotException($"snapshot of {what} is corrupt: {ex.Message}", ex);
        }
    }

    private void WriteHeader(BinaryWriter writer, byte[] magic)
    {
        writer.Write(magic);
        writer.Write(Version);
        writer.Write(configHash);
    }

    private void ReadHeader(BinaryReader reader, byte[] magic, string what)
    {
        if (!reader.ReadBytes(magic.Length).AsSpan().SequenceEqual(magic))
        {
            throw new DetectorSnapshotException($"{what}: not a TakeoverRules detector snapshot of this kind");
        }

        var version = reader.ReadInt32();
        if (version != Version)
        {
            throw new DetectorSnapshotException($"{what}: snapshot version {version} is not supported (this library reads version {Version})");
        }

        var hash = reader.ReadUInt64();
        if (hash != configHash)
        {
            throw new DetectorSnapshotException(
                $"{what}: snapshot was taken under configuration {hash:x16}, this detector runs {configHash:x16}; replay the events under the new configuration instead");
        }
    }

    private static void WriteAccount(BinaryWriter writer, AccountState state)
    {
        writer.Write(state.Watermark);
        writer.Write(state.RecentIds.Length);
        foreach (var id in state.RecentIds)
        {
            writer.Write(id);
        }

        writer.Write(state.RecentNext);
        writer.Write(state.LastActivity);
        writer.Write(state.Logins);
        writer.Write(state.Orders);
        WriteSlots(writer, state.Devices);
        WriteSlots(writer, state.Asns);
        WriteSlots(writer, state.AddressBlocks);
        WriteSlots(writer, state.Countries);
        WriteSlots(writer, state.Markets);
        WriteSlots(writer, state.Destinations);
        writer.Write(state.PendingDevice);
        writer.Write(state.PendingAsn);
        writer.Write(state.PendingBlock);
        writer.Write(state.PendingCountry);
        writer.Write(state.PendingDeviceSince);
        writer.Write(state.PendingAsnSince);
        writer.Write(state.PendingBlockSince);
        writer.Write(state.PendingCountrySince);
        writer.Write((ReadOnlySpan<byte>)state.Hours);
        writer.Write(state.HourTotal);
        writer.Write(state.MaxOrderJpy);
        WriteProfile(writer, state.Profile);
        WriteProfile(writer, state.RunProfile);
        WriteSlots(writer, state.Symbols);
        WriteSlots(writer, state.RunThinSymbols);
        writer.Write(state.RunThinCount);
        writer.Write(state.LastHold);
        writer.Write(state.FailStart);
        writer.Write(state.FailCount);
        WriteString(writer, state.Texts.Get(TextSlot.FailFirst));
        WriteLogin(writer, state.RiskWithText());
        for (var i = 0; i < SettingSlot.Count; i++)
        {
            writer.Write(state.SettingTime[i]);
            WriteString(writer, state.SettingId(i));
        }

        writer.Write((int)state.ContactSetting);
        writer.Write((int)state.CredentialSetting);
        writer.Write((int)state.PrivilegeSetting);
        writer.Write(state.HoldingsJpy);
        writer.Write(state.AvailableJpy);
        writer.Write(state.HasPortfolio);
        writer.Write(state.BurstLast);
        writer.Write(state.BurstHoldingsJpy);
        writer.Write(state.BurstSellJpy);
        writer.Write(state.BurstBuyJpy);
        writer.Write(state.BurstFirstSellTime);
        WriteString(writer, state.Texts.Get(TextSlot.BurstFirstSell));
        WriteString(writer, state.Texts.Get(TextSlot.BurstLastSell));
        writer.Write(state.LadderSymbol);
        writer.Write(state.LadderStart);
        writer.Write(state.LadderFirstPrice);
        writer.Write(state.LadderLastPrice);
        writer.Write(state.LadderCount);
        WriteString(writer, state.Texts.Get(TextSlot.LadderFirst));
    }


    private static AccountState ReadAccount(BinaryReader reader, int duplicateWindow)
    {
        var watermark = ReadTicks(reader);
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
        state.LastActivity = ReadTicks(reader);
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
        state.PendingDeviceSince = ReadTicks(reader);
        state.PendingAsnSince = ReadTicks(reader);
        state.PendingBlockSince = ReadTicks(reader);
        state.PendingCountrySince = ReadTicks(reader);
        if (reader.Read(state.Hours) != 24)
        {
            throw new EndOfStreamException();
        }

        state.HourTotal = reader.ReadInt32();
        state.MaxOrderJpy = reader.ReadDouble();
        state.Profile = ReadProfile(reader);
        state.RunProfile = ReadProfile(reader);
        ReadSlots(reader, state.Symbols);
        ReadSlots(reader, state.RunThinSymbols);
        state.RunThinCount = reader.ReadInt32();
        state.LastHold = ReadTicks(reader);
        state.FailStart = ReadTicks(reader);
        state.FailCount = reader.ReadInt32();
        state.Texts.Set(TextSlot.FailFirst, ReadString(reader));
        state.SetRisk(ReadLogin(reader));
        for (var i = 0; i < SettingSlot.Count; i++)
        {
            state.SettingTime[i] = ReadTicks(reader);
            state.Texts.Set(TextSlot.Setting + i, ReadString(reader));
        }

        state.ContactSetting = (AccountSetting)reader.ReadInt32();
        state.CredentialSetting = (AccountSetting)reader.ReadInt32();
        state.PrivilegeSetting = (AccountSetting)reader.ReadInt32();
        state.HoldingsJpy = reader.ReadDouble();
        state.AvailableJpy = reader.ReadDouble();
        state.HasPortfolio = reader.ReadBoolean();
        state.BurstLast = ReadTicks(reader);
        state.BurstHoldingsJpy = reader.ReadDouble();
        state.BurstSellJpy = reader.ReadDouble();
        state.BurstBuyJpy = reader.ReadDouble();
        state.BurstFirstSellTime = ReadTicks(reader);
        state.Texts.Set(TextSlot.BurstFirstSell, ReadString(reader));
        state.Texts.Set(TextSlot.BurstLastSell, ReadString(reader));
        state.LadderSymbol = reader.ReadUInt64();
        state.LadderStart = ReadTicks(reader);
        state.LadderFirstPrice = reader.ReadDouble();
        state.LadderLastPrice = reader.ReadDouble();
        state.LadderCount = reader.ReadInt32();
        state.Texts.Set(TextSlot.LadderFirst, ReadString(reader));
        return state;
    }

    /// <summary>Every 64-bit value in the format is a UTC time in ticks; one outside DateTime's range is corruption, not state.</summary>
    private static long ReadTicks(BinaryReader reader)
    {
        var ticks = reader.ReadInt64();
        return ticks >= 0 && ticks <= DateTime.MaxValue.Ticks ? ticks : throw new InvalidDataException($"time {ticks} is outside the range of a date");
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

    private static void WriteString(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? ReadString(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    private static void WriteLogin(BinaryWriter writer, in RiskyLogin login)
    {
        writer.Write(login.Time);
        WriteString(writer, login.Id);
        writer.Write((byte)login.Flags);
        WriteString(writer, login.Device);
        WriteString(writer, login.Network);
        WriteString(writer, login.Country);
        WriteString(writer, login.FailFirstId);
        writer.Write(login.KnownDevices);
        writer.Write(login.KnownNetworks);
        writer.Write(login.Failures);
        writer.Write(login.DormantDays);
        writer.Write(login.FailMinutes);
        foreach (var value in (ReadOnlySpan<float>)[login.DeviceLlr, login.NetworkLlr, login.CountryLlr, login.HostingLlr, login.FailedLlr, login.DormantLlr,
                     login.DeviceRate, login.NetworkRate, login.CountryRate, login.HostingRate])
        {
            writer.Write(value);
        }
    }

    private static RiskyLogin ReadLogin(BinaryReader reader) => new()
    {
        Time = ReadTicks(reader),
        Id = ReadString(reader),
        Flags = (AccessFlags)reader.ReadByte(),
        Device = ReadString(reader),
        Network = ReadString(reader),
        Country = ReadString(reader),
        FailFirstId = ReadString(reader),
        KnownDevices = reader.ReadInt32(),
        KnownNetworks = reader.ReadInt32(),
        Failures = reader.ReadInt32(),
        DormantDays = reader.ReadInt32(),
        FailMinutes = reader.ReadDouble(),
        DeviceLlr = reader.ReadSingle(),
        NetworkLlr = reader.ReadSingle(),
        CountryLlr = reader.ReadSingle(),
        HostingLlr = reader.ReadSingle(),
        FailedLlr = reader.ReadSingle(),
        DormantLlr = reader.ReadSingle(),
        DeviceRate = reader.ReadSingle(),
        NetworkRate = reader.ReadSingle(),
        CountryRate = reader.ReadSingle(),
        HostingRate = reader.ReadSingle(),
    };

    private static void WriteProfile(BinaryWriter writer, in BehaviourProfile p)
    {
        foreach (var value in (ReadOnlySpan<float>)[p.Logins, p.NewDevices, p.NewAsns, p.NewBlocks, p.Abroad, p.Hosting,
                     p.Buys, p.ThinBuys, p.HighUseBuys, p.RotationBuys, p.MarginBuys, p.HeldNames, p.HeldThin, p.RecentSoldShare])
        {
            writer.Write(value);
        }

        writer.Write(p.RecentSoldTime);
    }

    private static BehaviourProfile ReadProfile(BinaryReader reader) => new()
    {
        Logins = reader.ReadSingle(),
        NewDevices = reader.ReadSingle(),
        NewAsns = reader.ReadSingle(),
        NewBlocks = reader.ReadSingle(),
        Abroad = reader.ReadSingle(),
        Hosting = reader.ReadSingle(),
        Buys = reader.ReadSingle(),
        ThinBuys = reader.ReadSingle(),
        HighUseBuys = reader.ReadSingle(),
        RotationBuys = reader.ReadSingle(),
        MarginBuys = reader.ReadSingle(),
        HeldNames = reader.ReadSingle(),
        HeldThin = reader.ReadSingle(),
        RecentSoldShare = reader.ReadSingle(),
        RecentSoldTime = ReadTicks(reader),
    };

    private static void WriteSymbol(BinaryWriter writer, SymbolState state)
    {
        writer.Write(state.Accounts.Length);
        for (var i = 0; i < state.Accounts.Length; i++)
        {
            writer.Write(state.Accounts[i]);
            writer.Write(state.Times[i]);
            WriteString(writer, state.EventIds[i]);
        }

        writer.Write(state.Next);
    }

    private static SymbolState ReadSymbol(BinaryReader reader)
    {
        var state = new SymbolState();
        if (reader.ReadInt32() != state.Accounts.Length)
        {
            throw new InvalidDataException("symbol window size does not match this version");
        }

        for (var i = 0; i < state.Accounts.Length; i++)
        {
            state.Accounts[i] = reader.ReadUInt64();
            state.Times[i] = ReadTicks(reader);
            state.EventIds[i] = ReadString(reader);
        }

        var next = reader.ReadInt32();
        state.Next = next >= 0 && next < state.Accounts.Length ? next : throw new InvalidDataException($"symbol window position {next} is out of range");
        return state;
    }
}
