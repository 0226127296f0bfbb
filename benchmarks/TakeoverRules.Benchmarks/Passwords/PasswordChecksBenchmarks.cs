using System.Text;
using BenchmarkDotNet.Attributes;
using TakeoverRules.Passwords;

namespace TakeoverRules.Benchmarks.Passwords;

/// <summary>
/// Offline breach lookup in a 1,000,000-line sorted SHA-1 file (about 47 MB, in the page cache after the first
/// iterations), against hashing the password alone: the ratio is what the binary search adds to the SHA-1 a
/// lookup needs anyway.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 8)]
public class PwnedPasswordsFileBenchmarks
{
    private const int Lines = 1_000_000;
    private const string Present = "kabutocho-tower-2025";
    private const string Absent = "not-in-the-file-8361";

    private readonly byte[] _hex = new byte[40];
    private string _directory = "";
    private PwnedPasswordsHashFile _file = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("pwned-bench-").FullName;
        var random = new Random(42);
        var hashes = new string[Lines];
        for (var i = 0; i < Lines - 1; i++)
        {
            var bytes = new byte[20];
            random.NextBytes(bytes);
            hashes[i] = Convert.ToHexString(bytes);
        }

        PwnedPasswordHash.ComputeHex(Present, _hex);
        hashes[^1] = Encoding.ASCII.GetString(_hex);
        Array.Sort(hashes, StringComparer.Ordinal);
        var path = Path.Combine(_directory, "pwned-sha1.txt");
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20))
        {
            foreach (var hash in hashes)
            {
                writer.Write(hash);
                writer.Write(':');
                writer.Write(random.Next(1, 1_000_000));
                writer.Write("\r\n");
            }
        }

        _file = PwnedPasswordsHashFile.Open(path);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _file.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "SHA-1 of the password only")]
    public byte Sha1Only()
    {
        PwnedPasswordHash.ComputeHex(Present, _hex);
        return _hex[0];
    }

    [Benchmark(Description = "file lookup, found")]
    public BreachStatus LookupFound() => _file.Check(Present).Status;

    [Benchmark(Description = "file lookup, absent")]
    public BreachStatus LookupAbsent() => _file.Check(Absent).Status;
}

/// <summary>The policy check against the strength estimate of the same password: what the NIST policy adds to an estimate.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 8)]
public class PasswordPolicyBenchmarks
{
    private static readonly string[] Inputs = ["taro.yamada@example.jp"];
    private readonly PasswordPolicyChecker _nist = new(PasswordPolicy.Nist);
    private readonly PasswordStrengthEstimator _estimator = PasswordStrength.DefaultEstimator;

    [Params("sakura0412", "correct horse battery staple")]
    public string Password { get; set; } = "";

    [Benchmark(Baseline = true, Description = "strength estimate")]
    public double Estimate() => _estimator.Estimate(Password, Inputs).GuessesLog10;

    [Benchmark(Description = "NIST policy check")]
    public bool PolicyCheck() => _nist.Check(Password, estimate: null, Inputs).IsCompliant;

    [Benchmark(Description = "trading PIN check")]
    public bool PinCheck() => TradingPinChecker.Check("5093").IsAcceptable;
}
