import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// `findBy*` and `waitFor` give up after 1 s by default: on a busy 2-core machine a view that renders in 0.3 s alone
// can take longer, and a test must not fail for that. Waiting longer changes no assertion (speed is bench/views').
configure({ asyncUtilTimeout: 30_000 });
