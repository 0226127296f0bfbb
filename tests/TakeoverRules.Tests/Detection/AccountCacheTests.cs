using System.Diagnostics.CodeAnalysis;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using TakeoverRules.Detection;

namespace TakeoverRules.Tests.Detection;

/// <summary>
/// Issue 13 item 9: <see cref="DetectorOptions.MaxAccountsInMemory"/> bounds the accounts in memory, evicting the least
/// recently active to the host's <see cref="IAccountStateStore"/> and restoring them on demand, without changing a decision.
/// </summary>
public sealed class AccountCacheTests
{
    private static readonly DateTimeOffset Time = new(2025, 3, 1, 9, 0, 0, TimeSpan.FromHours(9));

    private static TakeoverDetector Unbounded() => new(new DetectorOptions(), Market.Instruments);

    private static TakeoverDetector Bounded(int bound, IAccountStateStore store, byte[]? key = null) =>
        new(new DetectorOptions { MaxAccountsInMemory = bound, SnapshotKey = key }, Market.Instruments, TimeProvider.System, store);

    private static LoginEvent Login(string id, string account, int minute = 0) =>
        new(id, Time.AddMinutes(minute), account, true, "198.51.100.1", "d", AuthMethod.Password, LoginChannel.Web);

    /// <summary>A detector that keeps one account in memory, after A's login and then B's: A is in the store.</summary>
    private static (MemoryStore Store, TakeoverDetector Detector) AEvictedByB()
    {
        var store = new MemoryStore();
        var detector = Bounded(1, store);
        detector.Evaluate(Login("1", "A"));
        detector.Evaluate(Login("2", "B"));
        return (store, detector);
    }

    [Fact]
    public void Decisions_are_the_same_with_a_tiny_account_cache_as_with_every_account_in_memory()
    {
        RandomEvents.Stream().Select(Gen.Int[1, 3]).Sample((events, bound) =>
        {
            var unbounded = Unbounded();
            var store = new MemoryStore();
            var bounded = Bounded(bound, store);
            store.Watch(bounded, bound);
            foreach (var e in events)
            {
                var expected = unbounded.Evaluate(e);
                var actual = bounded.Evaluate(e);
                if (actual != expected)
                {
                    throw new InvalidOperationException($"bound {bound}: {actual} instead of {expected}");
                }

                if (bounded.AccountCount > bound)
                {
                    throw new InvalidOperationException($"{bounded.AccountCount} accounts in memory, the bound is {bound}");
                }
            }

            // The streams have up to 8 accounts, so most runs evict; the store checked the count at every eviction.
            return store.Saves > 0 || unbounded.AccountCount <= bound;
        }, iter: 300);
    }

    [Fact]
    public void The_whole_state_saved_under_a_bound_and_loaded_with_the_same_store_continues_like_an_uninterrupted_run()
    {
        RandomEvents.Stream().Select(Gen.Int[0, 1000], Gen.Int[1, 3]).Sample((events, pick, bound) =>
        {
            var split = pick % (events.Count + 1);
            // ToList before Skip: LINQ's Skip over a selected list never calls the selector for the skipped events.
            var expected = events.Select(Unbounded().Evaluate).ToList().Skip(split).ToList();

            var store = new MemoryStore();
            var first = Bounded(bound, store);
            foreach (var e in events.Take(split))
            {
                first.Evaluate(e);
            }

            using var saved = new MemoryStream();
            first.SaveState(saved);
            saved.Position = 0;
            var second = Bounded(bound, store);
            second.LoadState(saved);

            var actual = events.Skip(split).Select(second.Evaluate).ToList();
            for (var i = 0; i < actual.Count; i++)
            {
                if (actual[i] != expected[i])
                {
                    throw new InvalidOperationException($"split {split} bound {bound} at {i}: {actual[i]} instead of {expected[i]}");
                }
            }

            return second.AccountCount <= bound;
        }, iter: 200);
    }

    [Fact]
    public void The_least_recently_active_account_is_the_one_evicted()
    {
        var store = new MemoryStore();
        var detector = Bounded(2, store);

        detector.Evaluate(Login("1", "A"));
        detector.Evaluate(Login("2", "B"));
        detector.Evaluate(Login("3", "A", 1));
        detector.Evaluate(Login("4", "C", 2));

        store.Accounts.Should().Equal("B");
        detector.AccountCount.Should().Be(2);
        detector.Evaluate(Login("5", "B", 3)).Status.Should().Be(DecisionStatus.Evaluated);
        store.Accounts.Should().BeEquivalentTo(["A", "B"], "A was less recently active than C; B's stale snapshot is overwritten at its next eviction");
        detector.Evaluate(Login("2", "B", 4)).Status.Should().Be(DecisionStatus.Duplicate, "B's duplicate memory came back from the store");
    }

    [Fact]
    public void A_refused_snapshot_in_the_store_is_an_error_naming_the_account_and_the_account_is_not_started_afresh()
    {
        var (store, detector) = AEvictedByB();
        var good = store.Get("A");
        var corrupt = good.ToArray();
        corrupt[40] ^= 1;
        store.Save("A", corrupt);

        var evaluate = () => detector.Evaluate(Login("3", "A", 1));

        evaluate.Should().Throw<DetectorSnapshotException>()
            .WithMessage("account A: its evicted state in the IAccountStateStore was refused and the account was not started afresh*checksum does not match*");
        detector.AccountCount.Should().Be(1);
        store.Accounts.Should().Equal("A");
        store.Save("A", good);
        detector.Evaluate(Login("3", "A", 1)).Status.Should().Be(DecisionStatus.Evaluated, "the refused attempt left no trace");
        detector.Evaluate(Login("1", "A", 2)).Status.Should().Be(DecisionStatus.Duplicate);
    }

    [Fact]
    public void A_snapshot_planted_in_the_store_without_the_hosts_key_is_refused()
    {
        var key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var store = new MemoryStore();
        var detector = Bounded(1, store, key);
        var forger = Unbounded();
        forger.Evaluate(Login("1", "A"));
        store.Save("A", forger.SnapshotAccount("A")!);

        detector.Invoking(d => d.Evaluate(Login("2", "A", 1))).Should().Throw<DetectorSnapshotException>()
            .WithMessage("account A: *not signed*");
        detector.AccountCount.Should().Be(0);
    }

    [Fact]
    public void After_a_configuration_change_the_stores_snapshots_are_refused_naming_both_configurations()
    {
        var (store, before) = AEvictedByB();
        var after = new TakeoverDetector(new DetectorOptions { MaxAccountsInMemory = 1, HoldThreshold = 61 }, Market.Instruments, TimeProvider.System, store);

        after.Invoking(d => d.Evaluate(Login("3", "A", 1))).Should().Throw<DetectorSnapshotException>()
            .WithMessage($"account A: *taken under configuration {before.ConfigurationHash}, this detector runs {after.ConfigurationHash}*");
    }

    [Fact]
    public void A_store_that_fails_to_save_keeps_the_account_in_memory_and_leaves_the_event_unapplied()
    {
        var store = new MemoryStore();
        var detector = Bounded(1, store);
        detector.Evaluate(Login("1", "A"));
        store.FailSaves = true;

        detector.Invoking(d => d.Evaluate(Login("2", "B"))).Should().Throw<IOException>();

        detector.AccountCount.Should().Be(1);
        detector.SnapshotAccount("A").Should().NotBeNull();
        store.Accounts.Should().BeEmpty();
        store.FailSaves = false;
        detector.Evaluate(Login("2", "B")).Status.Should().Be(DecisionStatus.Evaluated, "the failed attempt left no trace");
        store.Accounts.Should().Equal("A");
    }

    [Fact]
    public void An_evicted_account_is_snapshotted_from_the_store_restored_over_the_bound_and_removed_from_both()
    {
        var (store, detector) = AEvictedByB();

        var snapshot = detector.SnapshotAccount("A");
        snapshot.Should().Equal(store.Get("A")).And.NotBeSameAs(store.Get("A"));
        detector.RestoreAccount("C", snapshot);
        detector.AccountCount.Should().Be(1);
        store.Accounts.Should().BeEquivalentTo(["A", "B"]);

        detector.RemoveAccount("A").Should().BeTrue();
        store.Accounts.Should().Equal("B");
        detector.SnapshotAccount("A").Should().BeNull();
        detector.Evaluate(Login("1", "A", 1)).Status.Should().Be(DecisionStatus.Evaluated, "a removed account starts afresh");
    }

    [Fact]
    public void A_bound_needs_a_store_and_a_valid_range()
    {
        var noStore = () => new TakeoverDetector(new DetectorOptions { MaxAccountsInMemory = 10 }, Market.Instruments);
        var negative = () => Bounded(-1, new MemoryStore());

        noStore.Should().Throw<TakeoverRulesOptionsException>().WithMessage("*Detection.MaxAccountsInMemory: evicting accounts needs an IAccountStateStore*");
        negative.Should().Throw<TakeoverRulesOptionsException>().Which.Errors.Should().ContainSingle()
            .Which.Should().StartWith("Detection.MaxAccountsInMemory: must be 0");
    }

    [Fact]
    public void The_bound_is_not_part_of_the_configuration_so_snapshots_move_between_bounded_and_unbounded_detectors()
    {
        var unbounded = Unbounded();
        unbounded.Evaluate(Login("1", "A"));
        var bounded = Bounded(5, new MemoryStore());

        bounded.ConfigurationHash.Should().Be(unbounded.ConfigurationHash);
        bounded.Invoking(d => d.RestoreAccount("A", unbounded.SnapshotAccount("A"))).Should().NotThrow();
    }

    [Fact]
    public void AddTakeoverRules_gives_the_detector_the_registered_store()
    {
        var store = new MemoryStore();
        var services = new ServiceCollection();
        services.AddSingleton<IInstrumentSource>(Market.Instruments);
        services.AddSingleton<IAccountStateStore>(store);
        services.AddTakeoverRules(o => o.Detection.MaxAccountsInMemory = 1);
        using var provider = services.BuildServiceProvider();
        var detector = provider.GetRequiredService<TakeoverDetector>();

        detector.Evaluate(Login("1", "A"));
        detector.Evaluate(Login("2", "B"));

        store.Accounts.Should().Equal("A");
        detector.AccountCount.Should().Be(1);
    }

    /// <summary>A store in a dictionary; it can fail its saves, and checks the detector's bound at every save.</summary>
    private sealed class MemoryStore : IAccountStateStore
    {
        private readonly Dictionary<string, byte[]> _snapshots = new(StringComparer.Ordinal);
        private TakeoverDetector? _detector;
        private int _bound;

        public bool FailSaves { get; set; }

        public int Saves { get; private set; }

        public IEnumerable<string> Accounts => _snapshots.Keys;

        public byte[] Get(string account) => _snapshots[account];

        // Reads the count without the detector's lock: the store is called inside it, on the same thread.
        public void Watch(TakeoverDetector detector, int bound) => (_detector, _bound) = (detector, bound);

        public void Save(string account, byte[] snapshot)
        {
            if (FailSaves)
            {
                throw new IOException("the store is down");
            }

            if (_detector is not null && _detector.AccountCount > _bound)
            {
                throw new InvalidOperationException($"{_detector.AccountCount} accounts in memory at an eviction, the bound is {_bound}");
            }

            Saves++;
            _snapshots[account] = snapshot;
        }

        public bool TryLoad(string account, [NotNullWhen(true)] out byte[]? snapshot) => _snapshots.TryGetValue(account, out snapshot);

        public bool Remove(string account) => _snapshots.Remove(account);
    }
}
