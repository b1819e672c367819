using System.ComponentModel;

namespace Compose
{
    /// <summary>
    /// Facts about the running composition, set by the generated wiring table before the first init function.
    /// </summary>
    public static class UkRuntimeInfo
    {
        /// <summary>The Compose version the image was composed with.</summary>
        public static string ComposeVersion { get; private set; } = "";

        /// <summary>The app's name from <see cref="UkApplicationAttribute"/>.</summary>
        public static string AppName { get; private set; } = "";

        /// <summary>The platform the app was composed for.</summary>
        public static string Platform { get; private set; } = "";

        /// <summary>Records the composition's facts. Called by the generated wiring table.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static void Set(string composeVersion, string appName, string platform)
        {
            ComposeVersion = composeVersion;
            AppName = appName;
            Platform = platform;
        }
    }
}
