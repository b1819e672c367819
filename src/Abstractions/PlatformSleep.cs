namespace Compose.Platform
{
    /// <summary>
    /// Idling of the platform: the CPU (or process) waits without spinning. Provided by linuxu (nanosleep) and kvm
    /// (PIT one-shot, <c>sti; hlt</c>); schedulers use it when every thread sleeps. Optional: a consumer falls back
    /// to polling <see cref="IClock"/> when no platform provides it.
    /// </summary>
    [UkApi]
    public interface IPlatformSleep
    {
        /// <summary>Waits at least <paramref name="nanoseconds"/> (no wait when it is zero or negative).</summary>
        void Sleep(long nanoseconds);
    }
}
