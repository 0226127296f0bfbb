using Orleans.Storage;

namespace TakeoverRules.Orleans.Tests.PostgreSql;

/// <summary>
/// A silo's grain storage with a power switch: once <see cref="Cut"/>, the silo writes nothing more, as a process that
/// died would not; reads and writes before that go to the real storage underneath. Killing an in-process test silo still
/// runs its grains' deactivation (which persists them), so without the switch nothing would be lost to replay.
/// </summary>
internal sealed class PowerCutGrainStorage(IGrainStorage storage) : IGrainStorage
{
    private volatile bool _cut;

    public void Cut() => _cut = true;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        _cut ? Dead() : storage.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        _cut ? Dead() : storage.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        _cut ? Dead() : storage.ClearStateAsync(stateName, grainId, grainState);

    private static Task Dead() => Task.FromException(new OrleansException("the silo has lost power"));
}
