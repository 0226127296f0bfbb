using TakeoverRules.Detection;
using TakeoverRules.Detection.Format;

namespace TakeoverRules.Fuzz;

/// <summary>
/// Fixed data the targets share, and the generated part of the seed corpus: detector snapshots are binary and change
/// with the snapshot format, so they are written by <see cref="Write"/> from the event seeds rather than kept by hand.
/// </summary>
internal static class Seeds
{
    public const string Account = "A-2002";
    public const string Symbol = "TSE:7203";

    public static InstrumentTable Instruments { get; } = new(
    [
        new Instrument(Symbol, "TSE", "JPY", 2900, 2900, 150_000_000_000, 100),
        new Instrument("TSE:9432", "TSE", "JPY", 155, 155, 40_000_000_000, 100),
        new Instrument("TSE:2315", "TSE", "JPY", 80, 80, 20_000_000, 100),
    ]);

    public static OrderEvent Order(string id, string account, DateTimeOffset time, string symbol = Symbol) =>
        new(id, time, account, "o-" + id, OrderSide.Buy, symbol, 100, OrderType.Market, 290_000);

    /// <summary>What a host does after restoring: more events for the restored account and symbol, some long after.</summary>
    public static IEnumerable<AccountEvent> FollowUp()
    {
        foreach (var time in new[] { new DateTimeOffset(2025, 3, 20, 9, 0, 0, TimeSpan.FromHours(9)), new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero) })
        {
            yield return new LoginEvent("f-login-" + time.Year, time, Account, true, "198.51.100.7", "new-device", AuthMethod.Password, LoginChannel.Web) { Country = "SG", Hosting = true };
            yield return new SettingChangedEvent("f-setting-" + time.Year, time.AddMinutes(1), Account, AccountSetting.Email);
            yield return new PortfolioEvent("f-portfolio-" + time.Year, time.AddMinutes(2), Account, [new Position(Symbol, 500, 1_450_000)], 10_000, 10_000);
            yield return Order("f-order-" + time.Year, Account, time.AddMinutes(3));
            yield return Order("f-order2-" + time.Year, Account, time.AddMinutes(4), "TSE:2315");
            yield return new ExecutionEvent("f-exec-" + time.Year, time.AddMinutes(5), Account, "o-f-order-" + time.Year, OrderSide.Buy, Symbol, 100, 2900, 290_000);
            yield return new FxConversionEvent("f-fx-" + time.Year, time.AddMinutes(6), Account, "JPY", "USD", 1_000_000);
            yield return new WithdrawalRequestEvent("f-withdraw-" + time.Year, time.AddMinutes(7), Account, 1_000_000, "bank");
            yield return Order("f-other-" + time.Year, "A-other", time.AddMinutes(8));
        }
    }

    /// <summary>Replays the event seeds in <c>corpus-root/events</c> and writes whole-state, account and symbol snapshots to <c>corpus-root/snapshot</c>.</summary>
    public static void Write(string corpusRoot)
    {
        var output = Path.Combine(corpusRoot, "snapshot");
        Directory.CreateDirectory(output);
        var instruments = new List<Instrument>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(corpusRoot, "instruments")))
        {
            instruments.AddRange(InstrumentReader.ReadAll(File.OpenRead(file)).Where(r => r.IsSuccess).Select(r => r.Value!));
        }

        var detector = new TakeoverDetector(new DetectorOptions(), new InstrumentTable(instruments));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(corpusRoot, "events")).Order(StringComparer.Ordinal))
        {
            foreach (var result in EventReader.ReadAll(File.OpenRead(file)))
            {
                if (result.IsSuccess) detector.Evaluate(result.Value);
            }
        }

        using (var state = new MemoryStream())
        {
            state.WriteByte(0);
            detector.SaveState(state);
            File.WriteAllBytes(Path.Combine(output, "state"), state.ToArray());
            state.GetBuffer()[0] = 0x80;
            File.WriteAllBytes(Path.Combine(output, "state-resealed"), state.ToArray());
        }

        var account = detector.SnapshotAccount(Account) ?? throw new InvalidOperationException($"the event seeds have no events for {Account}");
        File.WriteAllBytes(Path.Combine(output, "account"), [1, .. account]);
        File.WriteAllBytes(Path.Combine(output, "account-resealed"), [0x81, .. account]);
        // Only a thin market bought by accounts under suspicion has cross-account state; any one of them will do.
        var symbol = instruments.Select(i => detector.SnapshotSymbol(i.Symbol)).FirstOrDefault(s => s is not null)
            ?? throw new InvalidOperationException("no symbol has cross-account state after the event seeds");
        File.WriteAllBytes(Path.Combine(output, "symbol"), [2, .. symbol]);
        File.WriteAllBytes(Path.Combine(output, "symbol-resealed"), [0x82, .. symbol]);
        Console.WriteLine($"seed: wrote state, account and symbol snapshots (plain, and marked for a fresh seal) to {output}");
    }
}
