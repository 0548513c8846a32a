export { default } from '@cruddur/eslint-config/base';
