using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace TakeoverRules.Detection;

/// <summary>
/// The detector's snapshot format, version 5 (version 4 remembered a fixed number of ids without their times, and is
/// refused like any other version): a magic (<c>TRDA</c> account, <c>TRDS</c> symbol, <c>TRDD</c> whole
/// detector), the version, the configuration hash, the seal (1: SHA-256, 2: HMAC-SHA-256 under the host's
/// <see cref="DetectorOptions.SnapshotKey"/>), the state field by field, and the 32-byte seal over everything before it.
/// A snapshot is restored only by a detector of the same version, configuration and key, only when its seal matches,
/// every field is in its range and nothing follows the seal: a corrupt snapshot is refused, never half-loaded.
/// </summary>
internal sealed class DetectorSnapshotFormat
{
    private const int Version = 5;
    private const int HeaderLength = 4 + 4 + 8 + 1;
    private const int TagLength = 32;
    private const byte ChecksumSeal = 1;
    private const byte KeyedSeal = 2;
    private static readonly byte[] AccountMagic = "TRDA"u8.ToArray();
    private static readonly byte[] SymbolMagic = "TRDS"u8.ToArray();
    private static readonly byte[] DetectorMagic = "TRDD"u8.ToArray();

    private readonly ulong _configHash;
    private readonly int _maxDuplicateIds;
    private readonly byte[]? _key;
    private readonly int _maxTextLength;

    /// <param name="configHash">The configuration hash every snapshot is stamped with.</param>
    /// <param name="maxDuplicateIds">The most ids remembered per account.</param>
    /// <param name="key">The host's HMAC key, or <see langword="null"/> for a plain SHA-256 checksum.</param>
    /// <param name="maxTextLength">The longest text (an id, a device) a snapshot may hold.</param>
    public DetectorSnapshotFormat(ulong configHash, int maxDuplicateIds, byte[]? key, int maxTextLength)
    {
        _configHash = configHash;
        _maxDuplicateIds = maxDuplicateIds;
        _key = key;
        _maxTextLength = maxTextLength;
    }

    private byte Seal => _key is null ? ChecksumSeal : KeyedSeal;

    public byte[] WriteAccount(AccountState state) => Serialize(AccountMagic, writer => WriteAccount(writer, state));

    public AccountState ReadAccount(ReadOnlySpan<byte> snapshot, string what) => Deserialize(snapshot, AccountMagic, what, ReadAccount);

    public byte[] WriteSymbol(SymbolState state) => Serialize(SymbolMagic, writer => WriteSymbol(writer, state));

    public SymbolState ReadSymbol(ReadOnlySpan<byte> snapshot, string what) => Deserialize(snapshot, SymbolMagic, what, ReadSymbol);

    public void Save(Stream destination, Dictionary<string, AccountState> accounts, Dictionary<string, SymbolState> symbols)
    {
        using var hash = NewHash();
        using (var sealedStream = new SnapshotDigestStream(destination, hash))
        using (var writer = new BinaryWriter(sealedStream, Encoding.UTF8, leaveOpen: true))
        {
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

        Span<byte> tag = stackalloc byte[TagLength];
        hash.GetHashAndReset(tag);
        destination.Write(tag);
    }

    public (Dictionary<string, AccountState> Accounts, Dictionary<string, SymbolState> Symbols) Load(Stream source)
    {
        const string what = "detector state";
        var accounts = new Dictionary<string, AccountState>(StringComparer.Ordinal);
        var symbols = new Dictionary<string, SymbolState>(StringComparer.Ordinal);
        try
        {
            using var hash = NewHash();
            using (var sealedStream = new SnapshotDigestStream(source, hash))
            using (var reader = new BinaryReader(sealedStream, Encoding.UTF8, leaveOpen: true))
            {
                Span<byte> header = stackalloc byte[HeaderLength];
                reader.BaseStream.ReadExactly(header);
                CheckHeader(header, DetectorMagic, what);
                var accountCount = ReadCount(reader, "account count");
                for (var i = 0; i < accountCount; i++)
                {
                    var account = ReadKey(reader, "account");
                    if (!accounts.TryAdd(account, ReadAccount(reader)))
                    {
                        throw new InvalidDataException($"account {account} appears twice");
                    }
                }

                var symbolCount = ReadCount(reader, "symbol count");
                for (var i = 0; i < symbolCount; i++)
                {
                    var symbol = ReadKey(reader, "symbol");
                    if (!symbols.TryAdd(symbol, ReadSymbol(reader)))
                    {
                        throw new InvalidDataException($"symbol {symbol} appears twice");
                    }
                }
            }

            Span<byte> expected = stackalloc byte[TagLength];
            hash.GetHashAndReset(expected);
            Span<byte> tag = stackalloc byte[TagLength];
            source.ReadExactly(tag);
            CheckTag(expected, tag, what);
            if (source.ReadByte() >= 0)
            {
                throw new InvalidDataException("unexpected bytes after the seal");
            }
        }
        catch (Exception ex) when (ex is EndOfStreamException or InvalidDataException or IOException or FormatException or DecoderFallbackException)
        {
            throw new DetectorSnapshotException($"{what} is corrupt: {ex.Message}", ex);
        }

        return (accounts, symbols);
    }

    private IncrementalHash NewHash() => _key is null
        ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256)
        : IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);

    private void ComputeTag(ReadOnlySpan<byte> data, Span<byte> tag)
    {
        if (_key is null)
        {
            SHA256.HashData(data, tag);
        }
        else
        {
            HMACSHA256.HashData(_key, data, tag);
        }
    }

    private byte[] Serialize(byte[] magic, Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            WriteHeader(writer, magic);
            write(writer);
        }

        var length = (int)stream.Length;
        stream.SetLength(length + TagLength);
        var buffer = stream.GetBuffer();
        ComputeTag(buffer.AsSpan(0, length), buffer.AsSpan(length, TagLength));
        return stream.ToArray();
    }

    private T Deserialize<T>(ReadOnlySpan<byte> snapshot, byte[] magic, string what, Func<BinaryReader, T> read)
    {
        if (snapshot.Length < HeaderLength + TagLength)
        {
            throw snapshot.Length >= magic.Length && !snapshot.StartsWith(magic)
                ? NotASnapshot(what)
                : new DetectorSnapshotException($"snapshot of {what} is corrupt: {snapshot.Length} bytes is shorter than any snapshot");
        }

        CheckHeader(snapshot[..HeaderLength], magic, what);
        Span<byte> expected = stackalloc byte[TagLength];
        ComputeTag(snapshot[..^TagLength], expected);
        CheckTag(expected, snapshot[^TagLength..], what);
        try
        {
            using var stream = new MemoryStream(snapshot[HeaderLength..^TagLength].ToArray(), writable: false);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            var state = read(reader);
            if (stream.Position != stream.Length)
            {
                throw new InvalidDataException($"{stream.Length - stream.Position} unexpected bytes after the state");
            }

            return state;
        }
        catch (Exception ex) when (ex is EndOfStreamException or InvalidDataException or IOException or FormatException or DecoderFallbackException)
        {
            throw new DetectorSnapshotException($"snapshot of {what} is corrupt: {ex.Message}", ex);
        }
    }

    private void WriteHeader(BinaryWriter writer, byte[] magic)
    {
        writer.Write(magic);
        writer.Write(Version);
        writer.Write(_configHash);
        writer.Write(Seal);
    }

    private void CheckHeader(ReadOnlySpan<byte> header, byte[] magic, string what)
    {
        if (!header.StartsWith(magic))
        {
            throw NotASnapshot(what);
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
        if (version != Version)
        {
            throw new DetectorSnapshotException($"{what}: snapshot version {version} is not supported (this library reads version {Version})");
        }

        var hash = BinaryPrimitives.ReadUInt64LittleEndian(header[8..]);
        if (hash != _configHash)
        {
            throw new DetectorSnapshotException(
                $"{what}: snapshot was taken under configuration {hash:x16}, this detector runs {_configHash:x16}; replay the events under the new configuration instead");
        }

        var seal = header[16];
        if (seal != Seal)
        {
            throw new DetectorSnapshotException(seal switch
            {
                KeyedSeal => $"{what}: snapshot is signed with a key (HMAC-SHA-256) and this detector has no SnapshotKey; configure the key of the host that wrote it",
                ChecksumSeal => $"{what}: snapshot is not signed; this detector has a SnapshotKey and restores only snapshots signed with it",
                _ => $"{what}: snapshot is corrupt: seal {seal} is not one this library writes",
            });
        }
    }

    private void CheckTag(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> tag, string what)
    {
        if (!CryptographicOperations.FixedTimeEquals(expected, tag))
        {
            throw new DetectorSnapshotException(_key is null
                ? $"snapshot of {what} is corrupt: its SHA-256 checksum does not match"
                : $"{what}: snapshot signature does not match: it is corrupt, or was written by a host with another SnapshotKey");
        }
    }

    private static DetectorSnapshotException NotASnapshot(string what) => new($"{what}: not a TakeoverRules detector snapshot of this kind");

    private static void WriteAccount(BinaryWriter writer, AccountState state)
    {
        writer.Write(state.Watermark);
        // The remembered ids, oldest first, each with its event time: 16 bytes per id.
        writer.Write(state.RecentIds.Count);
        for (var i = 0; i < state.RecentIds.Count; i++)
        {
            var (hash, time) = state.RecentIds[i];
            writer.Write(hash);
            writer.Write(time);
        }

        writer.Write(state.LastActivity);
        writer.Write(state.SessionActivity);
        writer.Write(state.SessionResumedAfter);
        writer.Write(state.SessionResumed);
        writer.Write(state.LastLoginApi);
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
        writer.Write(state.PendingDeviceUsed);
        writer.Write(state.SessionDevice);
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


    private AccountState ReadAccount(BinaryReader reader)
    {
        var watermark = ReadTicks(reader, "watermark");
        var ids = reader.ReadInt32();
        if (ids < 0 || ids > _maxDuplicateIds)
        {
            throw new InvalidDataException($"{ids} remembered ids is outside 0..{_maxDuplicateIds} (MaxDuplicateIds)");
        }

        var state = new AccountState { Watermark = watermark };
        for (var i = 0; i < ids; i++)
        {
            var hash = reader.ReadUInt64();
            var time = ReadTicks(reader, "remembered id");
            if (hash == 0 || time > watermark)
            {
                throw new InvalidDataException(hash == 0 ? "a remembered id hash is 0, which marks an empty slot" : $"a remembered id is dated {time}, after the watermark {watermark}");
            }

            state.RecentIds.Add(hash, time, cutoff: long.MinValue, keep: 1, _maxDuplicateIds);
        }

        state.LastActivity = ReadTicks(reader, "last activity");
        state.SessionActivity = ReadTicks(reader, "session activity");
        state.SessionResumedAfter = ReadTicks(reader, "session quiet spell");
        state.SessionResumed = ReadFlag(reader, "session resumed");
        state.LastLoginApi = ReadFlag(reader, "last login by API");
        state.Logins = ReadCount(reader, "logins");
        state.Orders = ReadCount(reader, "orders");
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
        state.PendingDeviceSince = ReadTicks(reader, "pending device");
        state.PendingAsnSince = ReadTicks(reader, "pending network");
        state.PendingBlockSince = ReadTicks(reader, "pending address block");
        state.PendingCountrySince = ReadTicks(reader, "pending country");
        state.PendingDeviceUsed = ReadFlag(reader, "pending device used");
        state.SessionDevice = reader.ReadUInt32();
        if (reader.Read(state.Hours) != 24)
        {
            throw new EndOfStreamException();
        }

        var hourTotal = 0;
        foreach (var count in state.Hours)
        {
            hourTotal += count;
        }

        state.HourTotal = reader.ReadInt32();
        if (state.HourTotal != hourTotal)
        {
            throw new InvalidDataException($"hour total {state.HourTotal} is not the sum of the hour counts ({hourTotal})");
        }

        state.MaxOrderJpy = ReadAmount(reader, "largest order");
        state.Profile = ReadProfile(reader, "profile");
        state.RunProfile = ReadProfile(reader, "run profile");
        ReadSlots(reader, state.Symbols);
        ReadSlots(reader, state.RunThinSymbols);
        state.RunThinCount = ReadCount(reader, "thin buys in the run");
        state.LastHold = ReadTicks(reader, "last hold");
        state.FailStart = ReadTicks(reader, "first failed login");
        state.FailCount = ReadCount(reader, "failed logins");
        state.Texts.Set(TextSlot.FailFirst, ReadText(reader, "first failed login id"));
        state.SetRisk(ReadLogin(reader));
        for (var i = 0; i < SettingSlot.Count; i++)
        {
            state.SettingTime[i] = ReadTicks(reader, "setting change");
            state.Texts.Set(TextSlot.Setting + i, ReadText(reader, "setting change id"));
        }

        state.ContactSetting = ReadSetting(reader, "contact setting");
        state.CredentialSetting = ReadSetting(reader, "credential setting");
        state.PrivilegeSetting = ReadSetting(reader, "privilege setting");
        state.HoldingsJpy = ReadAmount(reader, "holdings");
        state.AvailableJpy = ReadAmount(reader, "buying power");
        state.HasPortfolio = ReadFlag(reader, "has portfolio");
        state.BurstLast = ReadTicks(reader, "run's last order");
        state.BurstHoldingsJpy = ReadAmount(reader, "run's holdings");
        state.BurstSellJpy = ReadAmount(reader, "run's sells");
        state.BurstBuyJpy = ReadAmount(reader, "run's buys");
        state.BurstFirstSellTime = ReadTicks(reader, "run's first sell");
        state.Texts.Set(TextSlot.BurstFirstSell, ReadText(reader, "run's first sell id"));
        state.Texts.Set(TextSlot.BurstLastSell, ReadText(reader, "run's last sell id"));
        state.LadderSymbol = reader.ReadUInt64();
        state.LadderStart = ReadTicks(reader, "ladder start");
        state.LadderFirstPrice = ReadAmount(reader, "ladder's first price");
        state.LadderLastPrice = ReadAmount(reader, "ladder's last price");
        state.LadderCount = ReadCount(reader, "ladder buys");
        state.Texts.Set(TextSlot.LadderFirst, ReadText(reader, "ladder's first buy id"));
        return state;
    }

    // Range checks: a snapshot whose seal matches was written by this library (or, without a key, by anyone who can
    // compute SHA-256), so every field is held to the values the detector itself can produce.

    /// <summary>Every 64-bit time in the format is a UTC time in ticks; one outside DateTime's range is corruption, not state.</summary>
    private static long ReadTicks(BinaryReader reader, string what)
    {
        var ticks = reader.ReadInt64();
        return ticks >= 0 && ticks <= DateTime.MaxValue.Ticks ? ticks : throw new InvalidDataException($"{what} time {ticks} is outside the range of a date");
    }

    private static int Bounded(int value, int length, string what) =>
        value >= 0 && value < length ? value : throw new InvalidDataException($"{what} {value} is out of range");

    private static int ReadCount(BinaryReader reader, string what)
    {
        var count = reader.ReadInt32();
        return count >= 0 ? count : throw new InvalidDataException($"{what} {count} is negative");
    }

    /// <summary>A yen amount or a price: finite (events may carry negative amounts, so the state may too).</summary>
    private static double ReadAmount(BinaryReader reader, string what)
    {
        var value = reader.ReadDouble();
        return double.IsFinite(value) ? value : throw new InvalidDataException($"{what} {value} is not a finite amount");
    }

    private static float ReadSingle(BinaryReader reader, string what, float min, float max)
    {
        var value = reader.ReadSingle();
        return value >= min && value <= max ? value : throw new InvalidDataException($"{what} {value} is outside {min}..{max}");
    }

    private static bool ReadFlag(BinaryReader reader, string what) => reader.ReadByte() switch
    {
        0 => false,
        1 => true,
        var other => throw new InvalidDataException($"{what} flag {other} is neither 0 nor 1"),
    };

    private static AccountSetting ReadSetting(BinaryReader reader, string what)
    {
        var value = (AccountSetting)reader.ReadInt32();
        return Enum.IsDefined(value) ? value : throw new InvalidDataException($"{what} {(int)value} is not a setting");
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

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A length-prefixed UTF-8 text no longer than the detector accepts in an event, read without trusting the length.</summary>
    private string ReadKey(BinaryReader reader, string what)
    {
        var length = reader.Read7BitEncodedInt();
        if (length < 0 || length > _maxTextLength * 3)
        {
            throw new InvalidDataException($"{what} of {length} bytes is longer than {_maxTextLength} characters");
        }

        var text = StrictUtf8.GetString(reader.ReadBytes(length) is { } bytes && bytes.Length == length ? bytes : throw new EndOfStreamException());
        return text.Length <= _maxTextLength ? text : throw new InvalidDataException($"{what} of {text.Length} characters is longer than {_maxTextLength}");
    }

    private string? ReadText(BinaryReader reader, string what) => ReadFlag(reader, what) ? ReadKey(reader, what) : null;

    private RiskyLogin ReadLogin(BinaryReader reader)
    {
        const string what = "risky login";
        const float maxLlr = 100;
        var login = new RiskyLogin
        {
            Time = ReadTicks(reader, what),
            Id = ReadText(reader, what + " id"),
            Flags = reader.ReadByte() is var flags && flags <= (byte)AccessFlags.Dormant * 2 - 1 ? (AccessFlags)flags : throw new InvalidDataException($"{what} flags {flags} are not access signals"),
            Device = ReadText(reader, what + " device"),
            Network = ReadText(reader, what + " network"),
            Country = ReadText(reader, what + " country"),
            FailFirstId = ReadText(reader, what + " first failure id"),
            KnownDevices = ReadCount(reader, what + " known devices"),
            KnownNetworks = ReadCount(reader, what + " known networks"),
            Failures = ReadCount(reader, what + " failures"),
            DormantDays = ReadCount(reader, what + " dormant days"),
            FailMinutes = ReadAmount(reader, what + " failure minutes"),
            DeviceLlr = ReadSingle(reader, what + " device evidence", -maxLlr, maxLlr),
            NetworkLlr = ReadSingle(reader, what + " network evidence", -maxLlr, maxLlr),
            CountryLlr = ReadSingle(reader, what + " country evidence", -maxLlr, maxLlr),
            HostingLlr = ReadSingle(reader, what + " hosting evidence", -maxLlr, maxLlr),
            FailedLlr = ReadSingle(reader, what + " failure evidence", -maxLlr, maxLlr),
            DormantLlr = ReadSingle(reader, what + " dormancy evidence", -maxLlr, maxLlr),
            DeviceRate = ReadSingle(reader, what + " device rate", 0, 1),
            NetworkRate = ReadSingle(reader, what + " network rate", 0, 1),
            CountryRate = ReadSingle(reader, what + " country rate", 0, 1),
            HostingRate = ReadSingle(reader, what + " hosting rate", 0, 1),
        };
        return login;
    }

    /// <summary>A profile's counts: finite, not negative, and bounded (they halve at a limit far below this one).</summary>
    private static BehaviourProfile ReadProfile(BinaryReader reader, string what)
    {
        const float max = 1e6f;
        return new BehaviourProfile
        {
            Logins = ReadSingle(reader, what + " logins", 0, max),
            NewDevices = ReadSingle(reader, what + " new devices", 0, max),
            NewAsns = ReadSingle(reader, what + " new networks", 0, max),
            NewBlocks = ReadSingle(reader, what + " new address blocks", 0, max),
            Abroad = ReadSingle(reader, what + " logins abroad", 0, max),
            Hosting = ReadSingle(reader, what + " hosting logins", 0, max),
            Buys = ReadSingle(reader, what + " buys", 0, max),
            ThinBuys = ReadSingle(reader, what + " thin buys", 0, max),
            HighUseBuys = ReadSingle(reader, what + " high-use buys", 0, max),
            RotationBuys = ReadSingle(reader, what + " rotation buys", 0, max),
            MarginBuys = ReadSingle(reader, what + " margin buys", 0, max),
            HeldNames = ReadSingle(reader, what + " held names", 0, max),
            HeldThin = ReadSingle(reader, what + " held thin names", 0, max),
            RecentSoldShare = ReadSingle(reader, what + " recent sold share", 0, 1),
            SessionOrders = ReadSingle(reader, what + " session orders", 0, max),
            LateSessionOrders = ReadSingle(reader, what + " late session orders", 0, max),
            RecentSoldTime = ReadTicks(reader, what + " recent sale"),
        };
    }

    private SymbolState ReadSymbol(BinaryReader reader)
    {
        var state = new SymbolState();
        if (reader.ReadInt32() != state.Accounts.Length)
        {
            throw new InvalidDataException("symbol window size does not match this version");
        }

        for (var i = 0; i < state.Accounts.Length; i++)
        {
            state.Accounts[i] = reader.ReadUInt64();
            state.Times[i] = ReadTicks(reader, "symbol buy");
            state.EventIds[i] = ReadText(reader, "symbol buy id");
        }

        state.Next = Bounded(reader.ReadInt32(), state.Accounts.Length, "symbol window position");
        return state;
    }

    private static void WriteSlots(BinaryWriter writer, ReadOnlySpan<uint> slots)
    {
        writer.Write((byte)slots.Length);
        foreach (var slot in slots)
        {
            writer.Write(slot);
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

    private static void WriteProfile(BinaryWriter writer, in BehaviourProfile p)
    {
        foreach (var value in (ReadOnlySpan<float>)[p.Logins, p.NewDevices, p.NewAsns, p.NewBlocks, p.Abroad, p.Hosting,
                     p.Buys, p.ThinBuys, p.HighUseBuys, p.RotationBuys, p.MarginBuys, p.HeldNames, p.HeldThin, p.RecentSoldShare, p.SessionOrders, p.LateSessionOrders])
        {
            writer.Write(value);
        }

        writer.Write(p.RecentSoldTime);
    }

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
}
