using System.Buffers.Binary;
using System.Security.Cryptography;
using CsCheck;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TakeoverRules.Detection;

namespace TakeoverRules.Tests.Detection;

/// <summary>
/// Integrity of <see cref="TakeoverDetector"/> snapshots (issue 13 item 4): a seal over the whole snapshot, every field
/// held to its range, nothing after the seal, and an optional key without which a host refuses a snapshot.
/// </summary>
public sealed class DetectorSnapshotTests
{
    private const int HeaderLength = 17;
    private const int TagLength = 32;
    private static readonly byte[] Key = "a host's 32-byte snapshot key..."u8.ToArray();

    private static TakeoverDetector NewDetector(byte[]? key = null) => new(new DetectorOptions { SnapshotKey = key }, Market.Instruments);

    /// <summary>A detector that has judged <paramref name="events"/>, and the account the stream mentions first.</summary>
    private static (TakeoverDetector Detector, string Account) Judged(List<AccountEvent> events, byte[]? key = null)
    {
        var detector = NewDetector(key);
        foreach (var e in events)
        {
            detector.Evaluate(e);
        }

        return (detector, events[0].Account);
    }

    private static byte[] Save(TakeoverDetector detector)
    {
        using var stream = new MemoryStream();
        detector.SaveState(stream);
        return stream.ToArray();
    }

    /// <summary>What a forger without the key can do: change the body and write a fresh SHA-256 seal.</summary>
    private static byte[] Reseal(ReadOnlySpan<byte> body) => [.. body, .. SHA256.HashData(body)];

    /// <summary>Byte-level corruptions: flip a bit, overwrite, insert, delete, truncate, append.</summary>
    private static readonly Gen<(int Kind, int At, byte Value)[]> Corruptions =
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, int.MaxValue], Gen.Byte).Array[1, 4];

    private static byte[] Corrupt(byte[] bytes, (int Kind, int At, byte Value)[] corruptions)
    {
        var data = bytes.ToList();
        foreach (var (kind, at, value) in corruptions)
        {
            var i = data.Count == 0 ? 0 : at % data.Count;
            switch (kind)
            {
                case 0 when data.Count > 0: data[i] ^= (byte)(1 << (value % 8)); break;
                case 1 when data.Count > 0: data[i] = value; break;
                case 2: data.Insert(i, value); break;
                case 3 when data.Count > 0: data.RemoveAt(i); break;
                case 4: data.RemoveRange(i, data.Count - i); break;
                default: data.Add(value); break;
            }
        }

        return [.. data];
    }

    [Fact]
    public void A_corrupted_account_snapshot_is_refused_or_loads_exactly_the_original_state()
    {
        RandomEvents.Stream(120).Select(Corruptions).Sample((events, corruptions) =>
        {
            var (detector, account) = Judged(events);
            var snapshot = detector.SnapshotAccount(account)!;
            var corrupted = Corrupt(snapshot, corruptions);
            var other = NewDetector();
            try
            {
                other.RestoreAccount(account, corrupted);
            }
            catch (DetectorSnapshotException)
            {
                return true;
            }

            // Only a corruption that changed nothing (a bit flipped twice) may load.
            return corrupted.AsSpan().SequenceEqual(snapshot) && other.SnapshotAccount(account)!.AsSpan().SequenceEqual(snapshot);
        }, iter: 300);
    }

    [Fact]
    public void A_corrupted_detector_state_is_refused_or_loads_exactly_the_original_state()
    {
        RandomEvents.Stream(120).Select(Corruptions).Sample((events, corruptions) =>
        {
            var saved = Save(Judged(events).Detector);
            var corrupted = Corrupt(saved, corruptions);
            var other = NewDetector();
            try
            {
                other.LoadState(new MemoryStream(corrupted));
            }
            catch (DetectorSnapshotException)
            {
                return true;
            }

            return corrupted.AsSpan().SequenceEqual(saved) && Save(other).AsSpan().SequenceEqual(saved);
        }, iter: 200);
    }

    [Fact]
    public void A_forged_snapshot_with_a_fresh_checksum_is_refused_or_leaves_a_detector_whose_later_calls_do_not_throw()
    {
        RandomEvents.Stream(120).Select(Corruptions, RandomEvents.Stream(30)).Sample((events, corruptions, later) =>
        {
            var (detector, account) = Judged(events);
            var snapshot = detector.SnapshotAccount(account)!;
            var saved = Save(detector);
            var forgedAccount = Reseal(Corrupt(snapshot[..^TagLength], corruptions));
            var forgedState = Reseal(Corrupt(saved[..^TagLength], corruptions));

            foreach (var restore in new Action<TakeoverDetector>[] { d => d.RestoreAccount(account, forgedAccount), d => d.LoadState(new MemoryStream(forgedState)) })
            {
                var other = NewDetector();
                try
                {
                    restore(other);
                }
                catch (DetectorSnapshotException)
                {
                    continue;
                }

                foreach (var e in later.Select(e => e with { Account = account }))
                {
                    other.Evaluate(e);
                }

                // What it holds now is state this library can write and read back.
                NewDetector().LoadState(new MemoryStream(Save(other)));
            }
        }, iter: 300);
    }

    [Fact]
    public void A_sealed_snapshot_with_an_impossible_time_is_refused_naming_the_field()
    {
        var (detector, account) = Judged([new Timeline("ticks").Login().Last]);
        var body = detector.SnapshotAccount(account)![..^TagLength];
        BinaryPrimitives.WriteInt64LittleEndian(body.AsSpan(HeaderLength), long.MaxValue);

        var restore = () => NewDetector().RestoreAccount(account, Reseal(body));

        restore.Should().Throw<DetectorSnapshotException>().WithMessage("*watermark time 9223372036854775807 is outside the range of a date*");
    }

    [Fact]
    public void Bytes_after_the_seal_are_refused()
    {
        var (detector, account) = Judged([new Timeline("tail").Login().Last]);
        byte[] snapshot = [.. detector.SnapshotAccount(account)!, 0];
        byte[] state = [.. Save(detector), 0];

        var restore = () => NewDetector().RestoreAccount(account, snapshot);
        var load = () => NewDetector().LoadState(new MemoryStream(state));

        restore.Should().Throw<DetectorSnapshotException>().WithMessage("*checksum does not match*");
        load.Should().Throw<DetectorSnapshotException>().WithMessage("*unexpected bytes after the seal*");
    }

    [Fact]
    public void A_change_that_keeps_every_field_in_range_is_caught_by_the_checksum()
    {
        var (detector, account) = Judged([new Timeline("flip").Login().Last]);
        var snapshot = detector.SnapshotAccount(account)!;
        snapshot[HeaderLength] ^= 1; // the watermark, one tick later: a valid time

        var restore = () => NewDetector().RestoreAccount(account, snapshot);

        restore.Should().Throw<DetectorSnapshotException>().WithMessage("snapshot of account flip*SHA-256 checksum does not match");
    }

    [Fact]
    public void A_host_with_a_key_restores_its_own_snapshots_and_refuses_unsigned_or_foreign_ones()
    {
        var events = new Timeline("keyed").HonestHistory().Events.ToList();
        var (signer, account) = Judged(events, Key);
        var signed = signer.SnapshotAccount(account)!;
        var unsigned = Judged(events).Detector.SnapshotAccount(account)!;
        var otherKey = Key.Reverse().ToArray();

        var sameKey = () => NewDetector(Key).RestoreAccount(account, signed);
        var unsignedIntoKeyed = () => NewDetector(Key).RestoreAccount(account, unsigned);
        var forgedIntoKeyed = () => NewDetector(Key).RestoreAccount(account, Reseal(unsigned.AsSpan(0, unsigned.Length - TagLength)));
        var foreignKey = () => NewDetector(otherKey).RestoreAccount(account, signed);
        var signedIntoKeyless = () => NewDetector().RestoreAccount(account, signed);
        var signedState = () => NewDetector(otherKey).LoadState(new MemoryStream(Save(signer)));

        sameKey.Should().NotThrow();
        unsignedIntoKeyed.Should().Throw<DetectorSnapshotException>().WithMessage("*not signed*");
        forgedIntoKeyed.Should().Throw<DetectorSnapshotException>().WithMessage("*not signed*");
        foreignKey.Should().Throw<DetectorSnapshotException>().WithMessage("*signature does not match*another SnapshotKey*");
        signedIntoKeyless.Should().Throw<DetectorSnapshotException>().WithMessage("*signed with a key*no SnapshotKey*");
        signedState.Should().Throw<DetectorSnapshotException>().WithMessage("*signature does not match*");
        signer.ConfigurationHash.Should().Be(NewDetector().ConfigurationHash, "the key is not configuration that changes decisions");
    }

    [Fact]
    public void A_short_key_is_refused_without_showing_it()
    {
        var create = () => NewDetector("short-key"u8.ToArray());

        create.Should().Throw<TakeoverRulesOptionsException>()
            .Which.Errors.Should().ContainSingle().Which.Should().Be("Detection.SnapshotKey: must be at least 16 bytes (was 9 bytes)");
    }

    [Fact]
    public void The_key_binds_from_base64_configuration_and_changing_the_options_later_does_not_change_it()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("TakeoverRules:Detection:SnapshotKey", Convert.ToBase64String(Key))])
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IInstrumentSource>(Market.Instruments);
        services.AddTakeoverRules(configuration.GetSection("TakeoverRules"));
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<TakeoverRulesOptions>>().Value.Detection;
        var detector = provider.GetRequiredService<TakeoverDetector>();
        detector.Evaluate(new Timeline("bound").Login().Last);
        var signed = detector.SnapshotAccount("bound")!;

        options.SnapshotKey![0] ^= 0xff;

        options.SnapshotKey[0].Should().Be((byte)(Key[0] ^ 0xff));
        NewDetector(Key).Invoking(d => d.RestoreAccount("bound", signed)).Should().NotThrow();
        detector.Invoking(d => d.RestoreAccount("bound", signed)).Should().NotThrow("the detector copied the key");
    }
}
