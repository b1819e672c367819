using System.ComponentModel;

namespace Compose
{
    /// <summary>
    /// The provider bound to API <typeparamref name="TApi"/> in the running composition, the counterpart of
    /// Unikraft's <c>uk_alloc_get_default()</c>. The generated wiring table binds every provider during boot,
    /// before the first init function runs.
    /// </summary>
    /// <typeparam name="TApi">An API interface.</typeparam>
    public static class UkApi<TApi> where TApi : class
    {
        private static TApi? s_instance;

        /// <summary>The bound provider, or <see langword="null"/> when the composition has none.</summary>
        public static TApi? Instance => s_instance;

        /// <summary>Whether a provider is bound.</summary>
        public static bool IsBound => s_instance != null;

        /// <summary>Binds the provider. Called by the generated wiring table (and by tests).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static void Bind(TApi? provider) { s_instance = provider; }
    }
}
