export { default } from '@cruddur/eslint-config/react';
