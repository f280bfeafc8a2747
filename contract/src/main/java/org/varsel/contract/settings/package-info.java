/**
 * How every deployable reads its settings: one {@link org.varsel.contract.settings.Settings} reader (a properties
 * file, then the environment, over declared defaults; unknown keys refused), one environment-variable rule. The
 * typed records that hold a component's settings live with the component (docs/configuration.md).
 */
package org.varsel.contract.settings;
