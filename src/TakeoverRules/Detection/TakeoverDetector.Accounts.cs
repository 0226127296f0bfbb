namespace TakeoverRules.Detection;

// The account table and, when DetectorOptions.MaxAccountsInMemory bounds it, the account cache: the accounts in memory
// form a recency list, newest first, threaded through the states themselves (AccountState.Newer/Older), so that
// finding the least recently active account, moving an account to the front and dropping one are O(1) and allocate
// nothing. An exact LRU rather than a clock (second-chance) ring: a clock would save the two or three pointer writes of
// a move per event, but it evicts an account that is merely "not referenced since the hand last passed", which makes
// the eviction order depend on the hand's history; the exact order is what the documentation promises ("the least
// recently active account goes first") and what the tests pin, and its cost is within the benchmark's noise
// (docs/detection.md, "State budget"). With no bound the list is not kept at all.
public sealed partial class TakeoverDetector
{
    private readonly int _maxAccounts;
    private readonly IAccountStateStore? _store;
    private AccountState? _newest;
    private AccountState? _oldest;

    /// <summary>
    /// The state of the event's account: in memory, restored from the store, or new. When it throws (the store
    /// failed, or refused its snapshot) nothing has changed.
    /// </summary>
    private AccountState AccountFor(string account)
    {
        if (_accounts.TryGetValue(account, out var state))
        {
            if (_maxAccounts > 0)
            {
                Unlink(state);
                LinkNewest(state);
            }

            return state;
        }

        if (_maxAccounts == 0)
        {
            state = new AccountState();
            _accounts.Add(account, state);
            return state;
        }

        state = LoadEvicted(account) ?? new AccountState();
        Admit(account, state);
        return state;
    }

    /// <summary>Reads an evicted account back from the store, or returns <see langword="null"/> when it has none.</summary>
    private AccountState? LoadEvicted(string account)
    {
        if (!_store!.TryLoad(account, out var snapshot))
        {
            return null;
        }

        return ReadEvicted(account, snapshot);
    }

    private AccountState ReadEvicted(string account, byte[] snapshot)
    {
        try
        {
            return _snapshots.ReadAccount(snapshot, "account " + account);
        }
        catch (DetectorSnapshotException ex)
        {
            // Never a fresh account in its place: that would forget the baseline and the risky session an attacker
            // wants forgotten, and a duplicate delivered after the refusal would be judged again.
            throw new DetectorSnapshotException(
                $"account {account}: its evicted state in the {nameof(IAccountStateStore)} was refused and the account was not started afresh " +
                $"(to start it afresh, remove its snapshot from the store): {ex.Message}", ex);
        }
    }

    /// <summary>Adds an account to memory as the newest, first evicting the least recently active ones over the bound.</summary>
    private void Admit(string account, AccountState state)
    {
        while (_accounts.Count >= _maxAccounts)
        {
            EvictOldest();
        }

        state.CacheKey = account;
        LinkNewest(state);
        _accounts.Add(account, state);
    }

    /// <summary>Hands the least recently active account to the store, then drops it; when the store throws, it stays.</summary>
    private void EvictOldest()
    {
        var victim = _oldest!;
        var account = victim.CacheKey!;
        _store!.Save(account, _snapshots.WriteAccount(victim));
        Unlink(victim);
        _accounts.Remove(account);
        victim.CacheKey = null;
    }

    private void LinkNewest(AccountState state)
    {
        state.Older = _newest;
        state.Newer = null;
        if (_newest is not null)
        {
            _newest.Newer = state;
        }

        _newest = state;
        _oldest ??= state;
    }

    private void Unlink(AccountState state)
    {
        if (state.Newer is { } newer)
        {
            newer.Older = state.Older;
        }
        else
        {
            _newest = state.Older;
        }

        if (state.Older is { } older)
        {
            older.Newer = state.Newer;
        }
        else
        {
            _oldest = state.Newer;
        }

        state.Newer = null;
        state.Older = null;
    }

    /// <summary>Puts a restored account in memory, replacing its state if it is there.</summary>
    private void PutAccount(string account, AccountState state)
    {
        if (_maxAccounts == 0)
        {
            _accounts[account] = state;
            return;
        }

        if (_accounts.Remove(account, out var previous))
        {
            // The freed place is the new state's: admitting it evicts nothing, so it cannot fail.
            Unlink(previous);
            previous.CacheKey = null;
        }

        Admit(account, state);
    }

    private bool RemoveAccountLocked(string account)
    {
        // The store first: when it throws, the account is still where it was.
        var stored = _store?.Remove(account) ?? false;
        if (!_accounts.Remove(account, out var state))
        {
            return stored;
        }

        if (_maxAccounts > 0)
        {
            Unlink(state);
            state.CacheKey = null;
        }

        return true;
    }

    private byte[]? SnapshotAccountLocked(string account)
    {
        if (_accounts.TryGetValue(account, out var state))
        {
            return _snapshots.WriteAccount(state);
        }

        if (_store is null || !_store.TryLoad(account, out var snapshot))
        {
            return null;
        }

        // The stored snapshot is the account's state; checked like one being restored, so it is never handed on unread,
        // and copied, so that the caller cannot change the store's own array.
        ReadEvicted(account, snapshot);
        return snapshot.ToArray();
    }

    /// <summary>Replaces the accounts in memory with loaded ones, evicting those over the bound (the first read go first).</summary>
    private void ReplaceAccounts(Dictionary<string, AccountState> accounts)
    {
        var excess = _maxAccounts == 0 ? 0 : accounts.Count - _maxAccounts;
        var evicted = 0;
        foreach (var (account, state) in accounts)
        {
            if (evicted >= excess)
            {
                break;
            }

            // Before anything in memory changes: when the store throws, the old state is still there.
            _store!.Save(account, _snapshots.WriteAccount(state));
            evicted++;
        }

        _accounts.Clear();
        _newest = null;
        _oldest = null;
        var skip = evicted;
        foreach (var (account, state) in accounts)
        {
            if (skip > 0)
            {
                skip--;
                continue;
            }

            if (_maxAccounts == 0)
            {
                _accounts.Add(account, state);
            }
            else
            {
                Admit(account, state);
            }
        }
    }
}
