using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using TakeoverRules.Detection;

namespace TakeoverRules.Benchmarks.Detection;

/// <summary>
/// Peak memory of a detector that has seen many accounts, with and without <see cref="DetectorOptions.MaxAccountsInMemory"/>:
/// <c>dotnet run -c Release --project benchmarks/TakeoverRules.Benchmarks -- --account-memory ACCOUNTS BOUND [DIR]</c>
/// (BOUND 0: every account in memory). Each account logs in, then buys, then logs in again, in three passes over all
/// accounts in a shuffled order, so with a bound almost every event of the second and third passes restores its
/// account from the store (the worst case for the cache). The store is one file in DIR with a slot per account
/// (the probe's accounts are numbered, so its index is an array of 4 bytes per account). Prints the peak resident set
/// (VmHWM), the managed heap after a full collection, the time, and a digest of every decision, which must be the same
/// with and without the bound.
/// </summary>
internal static class AccountMemoryProbe
{
    public static int Run(string[] args)
    {
        var accounts = int.Parse(args[0], CultureInfo.InvariantCulture);
        var bound = int.Parse(args[1], CultureInfo.InvariantCulture);
        var directory = args.Length > 2 ? args[2] : Path.GetTempPath();
        var path = Path.Combine(directory, $"takeover-account-store-{Environment.ProcessId}.bin");
        using var store = new SlotFileStore(path, accounts);
        var detector = new TakeoverDetector(new DetectorOptions { MaxAccountsInMemory = bound }, Instruments(), TimeProvider.System, bound > 0 ? store : null);
        var order = Enumerable.Range(0, accounts).ToArray();
        var start = new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.FromHours(9));
        var digest = 14695981039346656037UL; // FNV-1a over each decision's kind, risk and status (HashCode is seeded per process)
        long flagged = 0;
        var clock = Stopwatch.StartNew();
        for (var pass = 0; pass < 3; pass++)
        {
            new Random(pass).Shuffle(order);
            for (var i = 0; i < order.Length; i++)
            {
                var n = order[i];
                var account = "acct-" + n.ToString(CultureInfo.InvariantCulture);
                var time = start.AddMinutes(pass * 30).AddTicks(i);
                AccountEvent e = pass == 1
                    ? new OrderEvent($"o{n}", time, account, $"ord{n}", OrderSide.Buy, n % 7 == 0 ? "TSE:9991" : "TSE:7203", 100, OrderType.Market, 250_000m + n % 1000)
                    : new LoginEvent($"l{pass}-{n}", time, account, true, $"203.0.{n % 200}.{pass}", $"device-{n % 3 + pass}", AuthMethod.Sms, LoginChannel.App) { Country = "JP", Asn = "AS2500" };
                var decision = detector.Evaluate(e);
                foreach (var value in (ReadOnlySpan<int>)[(int)decision.Kind, decision.Risk, (int)decision.Status])
                {
                    digest = (digest ^ (uint)value) * 1099511628211UL;
                }

                flagged += decision.Indicators.Count > 0 ? 1 : 0;
            }
        }

        clock.Stop();
        var inMemory = detector.AccountCount;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(detector);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"accounts {accounts:N0}, bound {bound:N0}: {inMemory:N0} in memory; peak RSS {PeakRssMb():N0} MB; managed heap after GC {heap / 1048576.0:N0} MB; " +
            $"{3 * accounts:N0} events in {clock.Elapsed.TotalSeconds:N1} s; store: {store.Saves:N0} saves, {store.Loads:N0} loads, file {store.Length / 1048576.0:N0} MB; {flagged:N0} decisions with indicators, decision digest {digest:x16}"));
        return 0;
    }

    private static InstrumentTable Instruments() => new(
    [
        new Instrument("TSE:7203", "TSE", "JPY", 2_500, 2_500, 300_000_000_000, 100),
        new Instrument("TSE:9991", "TSE", "JPY", 60, 60, 5_000_000, 100),
    ]);

    private static double PeakRssMb()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return double.NaN;
    }

    /// <summary>One file, a fixed-size slot per numbered account; a host would use its key-value store.</summary>
    private sealed class SlotFileStore(string path, int accounts) : IAccountStateStore, IDisposable
    {
        private const int SlotBytes = 4096;
        private readonly FileStream _file = new(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.DeleteOnClose);
        private readonly int[] _lengths = new int[accounts];

        public long Saves { get; private set; }

        public long Loads { get; private set; }

        public long Length => _file.Length;

        public void Save(string account, byte[] snapshot)
        {
            if (snapshot.Length > SlotBytes)
            {
                throw new IOException($"snapshot of {snapshot.Length} bytes does not fit a slot");
            }

            var slot = Slot(account);
            _file.Position = (long)slot * SlotBytes;
            _file.Write(snapshot);
            _lengths[slot] = snapshot.Length;
            Saves++;
        }

        public bool TryLoad(string account, [NotNullWhen(true)] out byte[]? snapshot)
        {
            var slot = Slot(account);
            if (_lengths[slot] == 0)
            {
                snapshot = null;
                return false;
            }

            snapshot = new byte[_lengths[slot]];
            _file.Position = (long)slot * SlotBytes;
            _file.ReadExactly(snapshot);
            Loads++;
            return true;
        }

        public bool Remove(string account)
        {
            var slot = Slot(account);
            var had = _lengths[slot] != 0;
            _lengths[slot] = 0;
            return had;
        }

        public void Dispose() => _file.Dispose();

        private static int Slot(string account) => int.Parse(account.AsSpan(5), CultureInfo.InvariantCulture);
    }
}
