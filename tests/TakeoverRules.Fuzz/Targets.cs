using System.Diagnostics.CodeAnalysis;
using System.Text;
using TakeoverRules.Detection;
using TakeoverRules.Detection.Format;
using TakeoverRules.Facts;
using TakeoverRules.Passwords;

namespace TakeoverRules.Fuzz;

/// <summary>A fuzz target: any exception it lets escape, and any hang, is a finding.</summary>
internal delegate void Target(ReadOnlySpan<byte> input);

/// <summary>
/// The targets. Each one feeds untrusted bytes to a reader the way a host would and catches only the exceptions that
/// reader documents for bad input; everything else (a NullReferenceException, an IndexOutOfRangeException, an
/// unbounded loop) is what the fuzzer is looking for.
/// </summary>
internal static class Targets
{
    /// <summary>Small enough that AFL's inputs reach the too-long paths, large enough for real lines.</summary>
    private const int MaxLineBytes = 4096;

    private static readonly Dictionary<string, Target> All = new(StringComparer.Ordinal)
    {
        ["events"] = Events,
        ["instruments"] = Instruments,
        ["snapshot"] = Snapshot,
        ["facts"] = Facts,
        ["password"] = Password,
    };

    private static readonly Lazy<PasswordStrengthEstimator> Estimator = new(() => new PasswordStrengthEstimator());

    public static IEnumerable<string> Names => All.Keys;

    public static bool TryGet(string name, [NotNullWhen(true)] out Target? target) => All.TryGetValue(name, out target);

    public static void Warm()
    {
        _ = FactsRegistry.Embedded;
        Estimator.Value.Estimate("warm-up");
        NewDetector().Evaluate(Seeds.Order("warm", "A-1", DateTimeOffset.UnixEpoch));
    }

    /// <summary>The event line parser and the detector behind it: every parsed event is evaluated.</summary>
    private static void Events(ReadOnlySpan<byte> input)
    {
        var detector = NewDetector();
        using var reader = new EventReader(new MemoryStream(input.ToArray()), MaxLineBytes);
        while (reader.TryRead(out var result))
        {
            if (result.IsSuccess)
            {
                detector.Evaluate(result.Value);
            }
            else if (result.Error.Line < 1 || result.Error.Reason.Length == 0)
            {
                throw new InvalidOperationException($"an error without a line or reason: {result.Error}");
            }
        }
    }

    /// <summary>The instruments reader (array or JSON Lines), and a table built from what it read.</summary>
    private static void Instruments(ReadOnlySpan<byte> input)
    {
        var read = new List<Instrument>();
        using (var reader = new InstrumentReader(new MemoryStream(input.ToArray()), MaxLineBytes))
        {
            while (reader.TryRead(out var result))
            {
                if (result.IsSuccess) read.Add(result.Value);
            }
        }

        var detector = new TakeoverDetector(new DetectorOptions(), new InstrumentTable(read));
        foreach (var instrument in read.Take(8))
        {
            detector.Evaluate(Seeds.Order("i-" + instrument.Symbol, "A-1", DateTimeOffset.UnixEpoch, instrument.Symbol));
        }
    }

    /// <summary>
    /// The detector snapshot readers. The first byte picks the reader (whole state, one account, one symbol); with its
    /// top bit set the rest gets a fresh SHA-256 seal (the format's last 32 bytes), as a forger without a key could
    /// write, so that mutations reach the field checks instead of stopping at the checksum. A snapshot that loads must
    /// leave a detector on which later calls do not throw.
    /// </summary>
    private static void Snapshot(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty) return;
        var detector = NewDetector();
        var body = (input[0] & 0x80) != 0 && input.Length > 1 + SealLength ? Reseal(input[1..]) : input[1..];
        try
        {
            switch (input[0] % 3)
            {
                case 0:
                    detector.LoadState(new MemoryStream(body.ToArray()));
                    break;
                case 1:
                    detector.RestoreAccount(Seeds.Account, body);
                    break;
                default:
                    detector.RestoreSymbol(Seeds.Symbol, body);
                    break;
            }
        }
        catch (DetectorSnapshotException)
        {
            return;
        }

        foreach (var e in Seeds.FollowUp())
        {
            detector.Evaluate(e);
        }

        detector.SaveState(Stream.Null);
    }

    private const int SealLength = 32;

    private static byte[] Reseal(ReadOnlySpan<byte> snapshot)
    {
        var resealed = snapshot.ToArray();
        System.Security.Cryptography.SHA256.HashData(snapshot[..^SealLength], resealed.AsSpan(resealed.Length - SealLength));
        return resealed;
    }

    /// <summary>The facts update reader, and the registry's queries on an update that was applied.</summary>
    private static void Facts(ReadOnlySpan<byte> input)
    {
        var result = FactsRegistry.Embedded.ApplyUpdate(Encoding.UTF8.GetString(input), FactsUpdateTrust.UnsignedAllowed);
        if (!result.Applied) return;
        var registry = result.Registry;
        _ = registry.Conflicts();
        _ = registry.KnownOn(registry.Date);
        foreach (var broker in registry.Brokers)
        {
            _ = registry.PoliciesFor(broker.Id);
        }
    }

    /// <summary>
    /// The password estimator. The first byte picks how the rest is read: UTF-8 (as a web form sends it) or raw
    /// UTF-16 (reaching lone surrogates and any char a caller can pass). A documented rejection is an ArgumentException.
    /// </summary>
    private static void Password(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty) return;
        var body = input[1..];
        var text = (input[0] & 1) == 0
            ? Encoding.UTF8.GetString(body)
            : new string(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, char>(body[..(body.Length & ~1)]));
        try
        {
            var estimate = Estimator.Value.Estimate(text, (input[0] & 2) == 0 ? null : ["taro", "1990-05-01", text.Length > 3 ? text[..3] : text]);
            if (!Enum.IsDefined(estimate.Score)) throw new InvalidOperationException($"score out of range: {estimate.Score}");
        }
        catch (ArgumentException)
        {
        }
    }

    private static TakeoverDetector NewDetector() => new(new DetectorOptions(), Seeds.Instruments);
}
