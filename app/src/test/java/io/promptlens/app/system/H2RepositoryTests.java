package io.promptlens.app.system;

import io.promptlens.app.support.AppTest;

/** The repository contract on H2, the zero-setup default; shares the API tests' context. */
@AppTest
class H2RepositoryTests extends RepositoryContractTests {}
