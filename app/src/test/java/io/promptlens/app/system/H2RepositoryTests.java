package io.promptlens.app.system;

import io.promptlens.app.support.AppIntegration;

/** The repository contract on H2, the zero-setup default; shares the API tests' context. */
@AppIntegration
class H2RepositoryTests extends RepositoryContractTests {}
