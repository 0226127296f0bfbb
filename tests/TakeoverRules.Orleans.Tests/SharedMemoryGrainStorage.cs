using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace TakeoverRules.Orleans.Tests;

/// <summary>
/// Grain storage held by the test process rather than by a silo, so it outlives a killed silo the way a database does
/// (Orleans' memory storage keeps its data in grains, which die with their silo). State is stored as serialized bytes
/// with an ETag, so a grain reads back only what it wrote and a stale writer is refused. One store per cluster.
/// </summary>
internal sealed class SharedMemoryGrainStorage(Serializer serializer, IOptions<ClusterOptions> cluster) : IGrainStorage
{
    private static readonly ConcurrentDictionary<string, (byte[] Data, string ETag)> Store = new(StringComparer.Ordinal);
    private static long _etags;

    public static string Key(string serviceId, string stateName, GrainId grainId) => $"{serviceId}/{stateName}/{grainId}";

    /// <summary>Puts state under a grain's key as if the grain had written it (a snapshot from elsewhere).</summary>
    public static void Put<T>(Serializer serializer, string serviceId, string stateName, GrainId grainId, T state) =>
        Store[Key(serviceId, stateName, grainId)] = (serializer.SerializeToArray(state), NextETag());

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (Store.TryGetValue(Key(cluster.Value.ServiceId, stateName, grainId), out var stored))
        {
            grainState.State = serializer.Deserialize<T>(stored.Data);
            grainState.ETag = stored.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = Key(cluster.Value.ServiceId, stateName, grainId);
        var etag = NextETag();
        var data = serializer.SerializeToArray(grainState.State);
        Store.AddOrUpdate(key,
            _ => grainState.ETag is null ? (data, etag) : throw new InconsistentStateException("record vanished", "", grainState.ETag),
            (_, old) => old.ETag == grainState.ETag ? (data, etag) : throw new InconsistentStateException("stale ETag", old.ETag, grainState.ETag ?? ""));
        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Store.TryRemove(Key(cluster.Value.ServiceId, stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static string NextETag() => Interlocked.Increment(ref _etags).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
